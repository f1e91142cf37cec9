CREATE OR REPLACE FUNCTION private.guard_review_request_status()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if new.status = old.status then
    return new;
  end if;
  if not (
    (old.status = 'queued' and new.status in ('due', 'cancelled')) or
    (old.status = 'due' and new.status in ('sent', 'cancelled')) or
    (old.status = 'sent' and new.status in ('opened', 'completed', 'cancelled', 'expired')) or
    (old.status = 'opened' and new.status in ('completed', 'cancelled', 'expired'))
  ) then
    raise exception 'a review request cannot go from % to %', old.status, new.status using errcode = 'PT409';
  end if;
  case new.status
    when 'due' then new.due_at := coalesce(new.due_at, now());
    when 'sent' then new.sent_at := coalesce(new.sent_at, now()); new.claimed_until := null;
    when 'opened' then new.opened_at := coalesce(new.opened_at, now());
    when 'completed' then new.completed_at := now();
    when 'cancelled' then new.cancelled_at := now(); new.claimed_until := null;
    else null;
  end case;
  return new;
end $function$;
comment on function private.guard_review_request_status() is 'BEFORE UPDATE OF status on review_requests: allows queued -> due -> sent -> opened -> completed, cancelled from any open state, expired after sending; stamps the time of each step.';
