CREATE OR REPLACE FUNCTION private.onboarding_timestamps()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if tg_op = 'UPDATE' and new.user_id <> old.user_id then
    raise exception 'user_id cannot change once a row exists' using errcode = '42501';
  end if;
  if new.status = 'in_progress' and (tg_op = 'INSERT' or old.status <> 'in_progress') then
    new.started_at := coalesce(new.started_at, now());
    new.attempts := case when tg_op = 'INSERT' then greatest(new.attempts, 1) else old.attempts + 1 end;
  end if;
  if new.status in ('completed', 'skipped') and (tg_op = 'INSERT' or old.status not in ('completed', 'skipped')) then
    new.completed_at := now();
  elsif new.status not in ('completed', 'skipped') then
    new.completed_at := null;
  end if;
  return new;
end $function$;
comment on function private.onboarding_timestamps() is 'BEFORE INSERT/UPDATE on onboarding_progress: user_id fixed, started_at, attempts (+1 per entry into in_progress), completed_at.';
