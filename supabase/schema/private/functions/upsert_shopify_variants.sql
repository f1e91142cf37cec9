CREATE OR REPLACE FUNCTION private.upsert_shopify_variants(p_workspace_id uuid, p_variants jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  with src as (
    select distinct on (v ->> 'shopify_variant_id') v
    from jsonb_array_elements(p_variants) with ordinality x (v, i)
    order by v ->> 'shopify_variant_id', i desc
  ), up as (
    insert into public.products as p (workspace_id, shopify_product_id, shopify_variant_id, shopify_inventory_item_id, sku,
                                      title, variant_title, price_cents, cost_cents, status, source_updated_at)
    select p_workspace_id, s.v ->> 'shopify_product_id', s.v ->> 'shopify_variant_id', s.v ->> 'shopify_inventory_item_id',
           -- a SKU another variant of the shop already has stays with that variant
           case when not exists (select 1 from public.products o
                                 where o.workspace_id = p_workspace_id and o.sku = nullif(s.v ->> 'sku', '')
                                   and o.shopify_variant_id <> s.v ->> 'shopify_variant_id')
                then nullif(s.v ->> 'sku', '') end,
           left(coalesce(nullif(s.v ->> 'title', ''), 'Untitled'), 500), left(s.v ->> 'variant_title', 500),
           coalesce((s.v ->> 'price_cents')::bigint, 0), (s.v ->> 'cost_cents')::bigint,
           coalesce((s.v ->> 'status')::public.product_status, 'active'), (s.v ->> 'source_updated_at')::timestamptz
    from src s
    on conflict (workspace_id, shopify_product_id, shopify_variant_id) do update set
      shopify_inventory_item_id = coalesce(excluded.shopify_inventory_item_id, p.shopify_inventory_item_id),
      sku = coalesce(excluded.sku, p.sku), title = excluded.title, variant_title = excluded.variant_title,
      price_cents = excluded.price_cents, cost_cents = coalesce(excluded.cost_cents, p.cost_cents),
      status = excluded.status, source_updated_at = excluded.source_updated_at
    where (p.source_updated_at is null or excluded.source_updated_at is null or excluded.source_updated_at >= p.source_updated_at)
      and (p.shopify_inventory_item_id, p.sku, p.title, p.variant_title, p.price_cents, p.cost_cents, p.status, p.source_updated_at)
          is distinct from (coalesce(excluded.shopify_inventory_item_id, p.shopify_inventory_item_id), coalesce(excluded.sku, p.sku),
                            excluded.title, excluded.variant_title, excluded.price_cents,
                            coalesce(excluded.cost_cents, p.cost_cents), excluded.status, excluded.source_updated_at)
    returning p.id, p.shopify_inventory_item_id
  )
  -- levels that arrived before their variant find it now
  update public.inventory_levels l set product_id = up.id
  from up where l.workspace_id = p_workspace_id and l.shopify_inventory_item_id = up.shopify_inventory_item_id
    and l.product_id is distinct from up.id;
  select count(*)::integer into n from jsonb_array_elements(p_variants);
  return n;
end $function$;
comment on function private.upsert_shopify_variants(uuid,jsonb) is 'Upserts Shopify variants into products by (product id, variant id), newest version wins (source_updated_at); a SKU already held by another variant is not taken; inventory levels of the variant''s item are linked. Returns how many variants were given.';
