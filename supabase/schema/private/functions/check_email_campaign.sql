CREATE OR REPLACE FUNCTION private.check_email_campaign()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  was public.email_campaign_status := case when tg_op = 'UPDATE' then old.status else 'draft' end;
begin
  if new.status <> was and not (
    (was = 'draft' and new.status in ('scheduled', 'cancelled'))
    or (was = 'scheduled' and new.status in ('draft', 'sending', 'cancelled'))
    or (was = 'sending' and new.status in ('paused', 'sent'))
    or (was = 'paused' and new.status in ('sending', 'cancelled'))
    or (was = 'cancelled' and new.status = 'draft')
  ) then
    raise exception 'an email campaign cannot go from % to %', was, new.status using errcode = 'PT409',
      hint = 'draft <-> scheduled -> sending <-> paused -> sent; draft, scheduled and paused may be cancelled';
  end if;
  if new.status = 'scheduled' and new.status is distinct from (case when tg_op = 'UPDATE' then old.status end) then
    if new.list_id is null or new.template_id is null or new.from_email is null or new.scheduled_for is null then
      raise exception 'to schedule an email campaign give it a list, a template, a sender address and a date'
        using errcode = '22023';
    end if;
    if new.scheduled_for < now() - interval '1 minute' then
      raise exception 'scheduled_for is in the past' using errcode = '22023';
    end if;
  end if;
  if new.status = 'sent' and was <> 'sent' then
    new.sent_at := coalesce(new.sent_at, now());
  end if;
  return new;
end $function$;
comment on function private.check_email_campaign() is 'BEFORE INSERT/UPDATE on email_campaigns: the status lifecycle (PT409), what scheduling needs (22023), sent_at.';
