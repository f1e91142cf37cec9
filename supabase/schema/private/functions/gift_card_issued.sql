CREATE OR REPLACE FUNCTION private.gift_card_issued(p_job_id bigint, p_lease_id uuid, p_shopify_gift_card_id text, p_last_characters text, p_recipient_email text)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  j private.connector_jobs;
  t public.gift_card_transactions;
  eid uuid;
  to_email text := lower(btrim(p_recipient_email));
begin
  j := private.touch_connector_job(p_job_id, p_lease_id, null);
  if p_shopify_gift_card_id !~ '^[0-9]{1,30}$' or p_last_characters !~ '^[A-Za-z0-9]{4}$' then
    raise exception 'a Shopify gift card id and four last characters are required' using errcode = '22023';
  end if;
  update public.gift_card_transactions set status = 'issued', shopify_gift_card_id = p_shopify_gift_card_id,
    code_last_characters = p_last_characters, issued_at = now(), last_error = null
  where id = (j.payload ->> 'transaction_id')::uuid and status in ('pending', 'failed')
  returning * into t;
  if not found then
    return null;
  end if;
  insert into public.gift_card_emails (workspace_id, transaction_id, status, last_error)
  values (t.workspace_id, t.id,
          case when to_email ~ '^[^@\s]+@[^@\s]+$' then 'queued' else 'failed' end::public.email_delivery_status,
          case when to_email ~ '^[^@\s]+@[^@\s]+$' then null else 'the order has no email address to send the card to' end)
  on conflict (transaction_id) do nothing
  returning id into eid;
  if eid is not null and to_email ~ '^[^@\s]+@[^@\s]+$' then
    insert into private.gift_card_recipients (email_id, to_email) values (eid, to_email);
  end if;
  return eid;
end $function$;
comment on function private.gift_card_issued(bigint,uuid,text,text,text) is 'Issuing step 3, after Shopify answered (or the reconciliation found the card): the card is issued with its Shopify id and last four characters, and its email is queued for the email sender (gift_card_emails queued, recipient in private.gift_card_recipients; failed at once when the order has no address). Returns the email id.';
grant execute on function private.gift_card_issued(bigint,uuid,text,text,text) to service_role;
