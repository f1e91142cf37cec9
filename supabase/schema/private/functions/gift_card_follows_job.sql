CREATE OR REPLACE FUNCTION private.gift_card_follows_job()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  update public.gift_card_transactions t set
    status = case when new.status = 'dead' then 'failed'::public.gift_card_status else t.status end,
    last_error = left(new.last_error, 2000)
  where t.id = (new.payload ->> 'transaction_id')::uuid and t.status in ('pending', 'failed')
    and (new.status = 'dead' or (new.status = 'queued' and new.last_error is not null))
    and (t.status, t.last_error) is distinct from
        (case when new.status = 'dead' then 'failed'::public.gift_card_status else t.status end, left(new.last_error, 2000));
  return null;
end $function$;
comment on function private.gift_card_follows_job() is 'AFTER UPDATE on private.connector_jobs (queue shopify_gift_cards): a retrying job shows its error on the card, a dead one leaves the card failed with it.';
