CREATE OR REPLACE FUNCTION private.enqueue_email(p_workspace_id uuid, p_kind public.email_kind, p_idempotency_key text, p_to_email text, p_subject text, p_html text, p_text_body text DEFAULT NULL::text, p_from_address text DEFAULT NULL::text, p_reply_to text DEFAULT NULL::text, p_review_request_id uuid DEFAULT NULL::uuid, p_gift_card_email_id uuid DEFAULT NULL::uuid, p_email_campaign_id uuid DEFAULT NULL::uuid, p_email_contact_id uuid DEFAULT NULL::uuid, p_next_attempt_at timestamp with time zone DEFAULT now())
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  mid bigint;
  headers jsonb := '{}'::jsonb;
begin
  if p_kind in ('campaign', 'automation', 'review_request') and p_workspace_id is not null then
    headers := jsonb_build_object(
      'List-Unsubscribe', '<' || private.unsubscribe_url(p_workspace_id, p_to_email, p_email_campaign_id) || '>',
      'List-Unsubscribe-Post', 'List-Unsubscribe=One-Click');
  end if;
  insert into private.email_messages (workspace_id, kind, idempotency_key, to_email, from_address, reply_to, subject,
    html, text_body, headers, review_request_id, gift_card_email_id, email_campaign_id, email_contact_id, next_attempt_at)
  values (p_workspace_id, p_kind, p_idempotency_key, lower(btrim(p_to_email)),
    coalesce(p_from_address, private.sender_address(p_workspace_id)),
    coalesce(p_reply_to, (select s.reply_to from public.email_sender_settings s where s.workspace_id = p_workspace_id)),
    regexp_replace(p_subject, '[\r\n]+', ' ', 'g'), p_html, p_text_body, headers, p_review_request_id,
    p_gift_card_email_id, p_email_campaign_id, p_email_contact_id, coalesce(p_next_attempt_at, now()))
  on conflict on constraint email_messages_key do nothing
  returning id into mid;
  if mid is not null and coalesce(p_next_attempt_at, now()) <= now() then
    perform private.wake_function('email-send');
  end if;
  return mid;
end $function$;
comment on function private.enqueue_email(uuid,public.email_kind,text,text,text,text,text,text,text,uuid,uuid,uuid,uuid,timestamp with time zone) is 'Queues one email (once per workspace and key: a repeat returns null and changes nothing), from the workspace''s sender unless given, with List-Unsubscribe headers on marketing emails and review requests; wakes the sender at commit.';
grant execute on function private.enqueue_email(uuid,public.email_kind,text,text,text,text,text,text,text,uuid,uuid,uuid,uuid,timestamp with time zone) to service_role;
