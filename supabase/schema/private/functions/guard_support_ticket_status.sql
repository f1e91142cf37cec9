CREATE OR REPLACE FUNCTION private.guard_support_ticket_status()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if new.status = old.status then
    return new;
  end if;
  if old.status = 'closed' then
    raise exception 'a closed ticket cannot be reopened; open a new ticket' using errcode = 'PT409';
  end if;
  if not (
    (old.status = 'open' and new.status in ('in_progress', 'waiting_on_customer', 'resolved', 'closed')) or
    (old.status = 'in_progress' and new.status in ('open', 'waiting_on_customer', 'resolved', 'closed')) or
    (old.status = 'waiting_on_customer' and new.status in ('open', 'in_progress', 'resolved', 'closed')) or
    (old.status = 'resolved' and new.status in ('open', 'closed'))
  ) then
    raise exception 'a % ticket cannot become %', replace(old.status::text, '_', ' '), replace(new.status::text, '_', ' ')
      using errcode = 'PT409', hint = 'a resolved ticket can be reopened or closed';
  end if;
  new.resolved_at := case when new.status = 'resolved' then now()
                          when new.status = 'closed' then old.resolved_at end;
  new.closed_at := case when new.status = 'closed' then now() end;
  return new;
end $function$;
comment on function private.guard_support_ticket_status() is 'BEFORE UPDATE OF status on support_tickets: enforces the workflow (PT409 otherwise) and stamps resolved_at / closed_at (cleared when reopened).';
