CREATE OR REPLACE FUNCTION private.guard_privacy_request_status()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if new.status = old.status then
    return new;
  end if;
  if not ((old.status = 'pending' and new.status in ('processing', 'rejected'))
       or (old.status = 'processing' and new.status in ('completed', 'failed', 'pending'))
       or (old.status = 'failed' and new.status = 'pending')) then
    raise exception 'a privacy request cannot move from % to %', old.status, new.status using errcode = 'PT409';
  end if;
  if new.status in ('completed', 'failed', 'rejected') then
    new.completed_at := coalesce(new.completed_at, now());
  end if;
  return new;
end $function$;
comment on function private.guard_privacy_request_status() is 'BEFORE UPDATE OF status on privacy_requests: the allowed state machine; terminal states stamp completed_at.';
