CREATE OR REPLACE FUNCTION private.award_gift_card()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  offer public.gift_card_products;
begin
  if new.cancelled_at is not null or new.financial_status in ('refunded', 'voided') then
    update public.gift_card_transactions set status = 'voided'
    where workspace_id = new.workspace_id and shopify_order_id = new.shopify_order_id
      and source = 'qualifying_order' and status = 'pending';
    return null;
  end if;
  if new.financial_status <> 'paid' then
    return null;
  end if;
  select * into offer from public.gift_card_products g
  where g.workspace_id = new.workspace_id and g.active and g.currency = new.currency
    and new.subtotal_cents >= g.min_order_subtotal_cents
  order by g.amount_cents desc, g.min_order_subtotal_cents desc
  limit 1;
  if found then
    insert into public.gift_card_transactions
      (workspace_id, order_id, shopify_order_id, gift_card_product_id, amount_cents, currency, source)
    values (new.workspace_id, new.id, new.shopify_order_id, offer.id, offer.amount_cents, offer.currency, 'qualifying_order')
    on conflict (workspace_id, shopify_order_id, source) do nothing;
  end if;
  return null;
end $function$;
comment on function private.award_gift_card() is 'AFTER INSERT/UPDATE on orders: awards or voids the qualifying-order gift card.';
