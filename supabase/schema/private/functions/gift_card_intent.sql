CREATE OR REPLACE FUNCTION private.gift_card_intent(p_job_id bigint, p_lease_id uuid, p_code_ciphertext text, p_key_id text, p_last_characters text)
 RETURNS private.gift_card_intent
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  j private.connector_jobs;
  t public.gift_card_transactions;
  k private.gift_card_codes;
  r private.gift_card_intent;
begin
  j := private.touch_connector_job(p_job_id, p_lease_id, null);
  select * into t from public.gift_card_transactions where id = (j.payload ->> 'transaction_id')::uuid for update;
  if not found then
    raise exception 'gift card % is gone', j.payload ->> 'transaction_id' using errcode = 'PT404';
  end if;
  if t.status not in ('pending', 'failed') then
    r.state := 'settled';
    r.transaction_id := t.id;
    return r;
  end if;
  insert into private.gift_card_codes (transaction_id, workspace_id, code_ciphertext, key_id, last_characters)
  values (t.id, t.workspace_id, p_code_ciphertext, p_key_id, p_last_characters)
  on conflict (transaction_id) do nothing;
  select * into k from private.gift_card_codes where transaction_id = t.id;
  select 'issue', t.id, t.amount_cents, t.currency, t.shopify_order_id, c.shopify_customer_id,
         k.code_ciphertext, k.last_characters, k.call_started_at
  into r
  from (select 1) one
  left join public.orders o on o.id = t.order_id and o.workspace_id = t.workspace_id
  left join public.customers c on c.id = o.customer_id and c.workspace_id = t.workspace_id;
  return r;
end $function$;
comment on function private.gift_card_intent(bigint,uuid,text,text,text) is 'Issuing step 1, before any call: records the code the card will get (ciphertext and last four characters; a code recorded by an earlier attempt wins and is returned, so every attempt offers Shopify the same code) and returns the card, its order''s and customer''s Shopify ids and whether a call may already have been made.';
grant execute on function private.gift_card_intent(bigint,uuid,text,text,text) to service_role;
