CREATE OR REPLACE FUNCTION private.apply_email_event(p_payload jsonb)
 RETURNS text
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  t text := p_payload ->> 'type';
  d jsonb := p_payload -> 'data';
  at timestamptz := coalesce(case when private.is_timestamptz(p_payload ->> 'created_at')
                                  then (p_payload ->> 'created_at')::timestamptz end, now());
  m private.email_messages;
  ev text;
  permanent boolean;
begin
  ev := case t when 'email.sent' then 'sent' when 'email.delivered' then 'delivered' when 'email.opened' then 'opened'
               when 'email.clicked' then 'clicked' when 'email.bounced' then 'bounced'
               when 'email.complained' then 'complained' end;
  if ev is null or d ->> 'email_id' is null then
    return 'ignored';
  end if;
  select * into m from private.email_messages where provider_message_id = d ->> 'email_id' for update;
  if not found and (d #>> '{tags,message_id}') ~ '^\d{1,18}$' then
    -- the event came before the worker recorded Resend's id (it died after the call): our tag names the message
    select * into m from private.email_messages where id = (d #>> '{tags,message_id}')::bigint for update;
    if found then
      update private.email_messages set provider_message_id = left(d ->> 'email_id', 256) where id = m.id;
    end if;
  end if;
  if m.id is null then
    return 'ignored';
  end if;
  if m.status in ('sending', 'queued') and ev <> 'sent' then
    -- the provider sent it: count it as sent first
    perform private.email_rollup(m.id, 'sent', at);
    update private.email_messages set status = 'sent', sent_at = coalesce(sent_at, at), lease_expires_at = null
    where id = m.id returning * into m;
  end if;
  if ev = 'sent' then
    if m.status in ('sending', 'queued') then
      perform private.email_rollup(m.id, 'sent', at);
      update private.email_messages set status = 'sent', sent_at = coalesce(sent_at, at), lease_expires_at = null where id = m.id;
    end if;
    return 'processed';
  end if;
  if ev in ('opened', 'clicked') and m.delivered_at is null then
    perform private.email_rollup(m.id, 'delivered', at);
    update private.email_messages set delivered_at = at, status = case when status = 'sent' then 'delivered' else status end
    where id = m.id returning * into m;
  end if;
  perform private.email_rollup(m.id, ev, at);
  update private.email_messages set
    delivered_at = case when ev = 'delivered' then coalesce(delivered_at, at) else delivered_at end,
    opened_at = case when ev = 'opened' then coalesce(opened_at, at) else opened_at end,
    clicked_at = case when ev = 'clicked' then coalesce(clicked_at, at) else clicked_at end,
    bounced_at = case when ev = 'bounced' then coalesce(bounced_at, at) else bounced_at end,
    complained_at = case when ev = 'complained' then coalesce(complained_at, at) else complained_at end,
    status = case when ev in ('bounced', 'complained') then ev
                  when ev = 'delivered' and status = 'sent' then 'delivered' else status::text end::private.email_message_status,
    last_error = case when ev = 'bounced' then left(coalesce(d #>> '{bounce,message}', 'the email bounced'), 2000) else last_error end
  where id = m.id;
  if ev in ('bounced', 'complained') and m.workspace_id is not null then
    permanent := ev = 'complained' or coalesce(d #>> '{bounce,type}', 'Permanent') not in ('Transient', 'Undetermined');
    if permanent then
      perform private.suppress_email(m.workspace_id, m.to_email, ev::public.email_suppression_reason,
        left(coalesce(d #>> '{bounce,message}', t), 2000));
    end if;
  end if;
  return 'processed';
end $function$;
comment on function private.apply_email_event(jsonb) is 'Applies one Resend delivery event (email.sent, delivered, opened, clicked, bounced, complained) to its message (by Resend''s id, or by our message_id tag when the event came before the worker recorded the id) and rolls it up; permanent bounces and complaints suppress the address. Other events are ignored.';
