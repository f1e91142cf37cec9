CREATE OR REPLACE FUNCTION public.retry_gift_card(p_transaction_id uuid)
 RETURNS public.gift_card_transactions
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  t public.gift_card_transactions;
begin
  select * into t from public.gift_card_transactions where id = p_transaction_id;
  if not found then
    raise exception 'gift card % not found', p_transaction_id using errcode = 'PT404';
  end if;
  return private.retry_gift_card(t.workspace_id, p_transaction_id);
end $function$;
comment on function public.retry_gift_card(uuid) is 'Admins: issue a failed gift card again (a new job; the recorded code and the reconciliation keep it to one card in Shopify). PT404 not visible, 42501 not an admin, PT409 not failed or no Shopify connection that may write gift cards.';
grant execute on function public.retry_gift_card(uuid) to authenticated;
grant execute on function public.retry_gift_card(uuid) to service_role;
