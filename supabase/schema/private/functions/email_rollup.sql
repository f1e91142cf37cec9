CREATE OR REPLACE FUNCTION private.email_rollup(p_message_id bigint, p_event text, p_at timestamp with time zone)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  m private.email_messages;
  st public.email_delivery_status;
begin
  select * into m from private.email_messages where id = p_message_id;
  if not found then
    return;
  end if;
  st := case p_event when 'sent' then 'sent' when 'delivered' then 'delivered' when 'opened' then 'opened'
          when 'clicked' then 'clicked' when 'bounced' then 'bounced' when 'complained' then 'complained'
          when 'suppressed' then 'suppressed' when 'failed' then 'failed' end::public.email_delivery_status;
  if m.review_request_id is not null then
    update public.review_requests r set email_status = st, email_status_at = p_at,
      provider_message_id = coalesce(r.provider_message_id, left(m.provider_message_id, 256))
    where r.workspace_id = m.workspace_id and r.id = m.review_request_id
      and (r.email_status is null or st in ('bounced', 'complained', 'failed', 'suppressed')
           or array_position(enum_range(null::public.email_delivery_status), st)
              > array_position(enum_range(null::public.email_delivery_status), r.email_status));
    if p_event = 'sent' then
      update public.review_requests set status = 'sent', last_error = null, claimed_until = null
      where workspace_id = m.workspace_id and id = m.review_request_id and status = 'due';
    elsif p_event in ('bounced', 'suppressed', 'failed', 'complained') then
      update public.review_requests set status = 'cancelled', last_error = left(m.last_error, 2000),
        cancel_reason = case p_event when 'bounced' then 'the email bounced' when 'complained' then 'the customer marked the email as spam'
                                     when 'suppressed' then left(coalesce(m.last_error, 'the address is suppressed'), 500)
                                     else 'the email could not be sent' end
      where workspace_id = m.workspace_id and id = m.review_request_id and status in ('due', 'sent');
    end if;
  end if;
  if m.gift_card_email_id is not null then
    update public.gift_card_emails g set status = st,
      provider_message_id = coalesce(g.provider_message_id, left(m.provider_message_id, 256)),
      sent_at = case when p_event = 'sent' then coalesce(g.sent_at, p_at) else g.sent_at end,
      attempts = greatest(g.attempts, m.attempts),
      last_error = case when p_event in ('failed', 'suppressed', 'bounced') then left(m.last_error, 2000) else g.last_error end
    where g.workspace_id = m.workspace_id and g.id = m.gift_card_email_id
      and (st in ('bounced', 'complained', 'failed', 'suppressed')
           or array_position(enum_range(null::public.email_delivery_status), st)
              > array_position(enum_range(null::public.email_delivery_status), g.status));
    if p_event = 'sent' then
      update public.gift_card_transactions t set status = 'emailed'
      from public.gift_card_emails g
      where g.workspace_id = m.workspace_id and g.id = m.gift_card_email_id
        and t.workspace_id = g.workspace_id and t.id = g.transaction_id and t.status = 'issued';
    end if;
  end if;
  if m.email_campaign_id is not null then
    update public.email_campaigns c set
      recipients = c.recipients + (p_event = 'sent')::int,
      -- an open or click proves delivery when its delivered event is late or lost
      delivered = c.delivered + (p_event in ('delivered', 'opened', 'clicked') and m.delivered_at is null)::int,
      opens = c.opens + (p_event = 'opened')::int,
      unique_opens = c.unique_opens + (p_event = 'opened' and m.opened_at is null)::int,
      clicks = c.clicks + (p_event = 'clicked')::int,
      unique_clicks = c.unique_clicks + (p_event = 'clicked' and m.clicked_at is null)::int,
      bounces = c.bounces + (p_event = 'bounced' and m.bounced_at is null)::int,
      complaints = c.complaints + (p_event = 'complained' and m.complained_at is null)::int
    where c.workspace_id = m.workspace_id and c.id = m.email_campaign_id
      and p_event in ('sent', 'delivered', 'opened', 'clicked', 'bounced', 'complained');
    if p_event in ('sent', 'failed', 'suppressed') then
      update public.email_campaigns c set status = 'sent'
      where c.workspace_id = m.workspace_id and c.id = m.email_campaign_id and c.status = 'sending'
        and not exists (select 1 from private.email_messages x
                        where x.workspace_id = c.workspace_id and x.email_campaign_id = c.id
                          and x.status in ('queued', 'sending'));
    end if;
  end if;
end $function$;
comment on function private.email_rollup(bigint,text,timestamp with time zone) is 'What one message''s event means for what it was sent for: the review request (email_status; sent, or cancelled when it bounced, was suppressed or failed), the gift card email (status; its transaction emailed) and the campaign (counts; sent once nothing is left to send). Called before the message itself records the event, so first-time counts see the old timestamps.';
