CREATE OR REPLACE FUNCTION private.gift_card_call_started(p_job_id bigint, p_lease_id uuid)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  j private.connector_jobs;
begin
  j := private.touch_connector_job(p_job_id, p_lease_id, null);
  update private.gift_card_codes set call_started_at = coalesce(call_started_at, now())
  where transaction_id = (j.payload ->> 'transaction_id')::uuid;
end $function$;
comment on function private.gift_card_call_started(bigint,uuid) is 'Issuing step 2, committed before giftCardCreate: from now on a retry reconciles with Shopify before creating.';
grant execute on function private.gift_card_call_started(bigint,uuid) to service_role;
