CREATE OR REPLACE FUNCTION public.product_ratings(p_workspace_id uuid, p_shopify_product_ids text[])
 RETURNS SETOF public.product_rating_row
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_workspace_id is null or p_shopify_product_ids is null then
    raise exception 'p_workspace_id and p_shopify_product_ids are required' using errcode = '22023';
  end if;
  if cardinality(p_shopify_product_ids) > 100 then
    raise exception 'too many products: % given, at most 100 per call', cardinality(p_shopify_product_ids)
      using errcode = 'PT413', hint = 'split the batch into smaller calls';
  end if;
  if exists (select 1 from unnest(p_shopify_product_ids) x where x is null or x !~ '^\S{1,64}$') then
    raise exception 'every product id must be 1-64 characters without spaces' using errcode = '22023';
  end if;
  perform private.anon_hit_rate_limit('review_read', p_workspace_id::text);
  return query select (row(q.*)::public.product_rating_row).* from (select * from private.anon_product_ratings(p_workspace_id, p_shopify_product_ids)) q;
end $function$;
comment on function public.product_ratings(uuid,text[]) is 'Storefront (anon, POST): rating summaries of up to 100 products (collection pages), in the order asked. 300 review reads a minute per address and workspace (429).';
grant execute on function public.product_ratings(uuid,text[]) to anon;
grant execute on function public.product_ratings(uuid,text[]) to authenticated;
grant execute on function public.product_ratings(uuid,text[]) to service_role;
