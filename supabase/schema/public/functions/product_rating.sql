CREATE OR REPLACE FUNCTION public.product_rating(p_workspace_id uuid, p_shopify_product_id text)
 RETURNS public.product_rating_row
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  r public.product_rating_row;
begin
  if p_workspace_id is null or p_shopify_product_id is null or p_shopify_product_id !~ '^\S{1,64}$' then
    raise exception 'p_workspace_id and p_shopify_product_id (1-64 characters) are required' using errcode = '22023';
  end if;
  perform private.anon_hit_rate_limit('review_read', p_workspace_id::text);
  select * into r from private.anon_product_ratings(p_workspace_id, array[p_shopify_product_id]);
  return r;
end $function$;
comment on function public.product_rating(uuid,text) is 'Storefront (anon, POST): one product''s rating summary (count, average, 1-5 distribution) from the maintained summary. 300 review reads a minute per address and workspace (429). Answers one row (a JSON object).';
grant execute on function public.product_rating(uuid,text) to anon;
grant execute on function public.product_rating(uuid,text) to authenticated;
grant execute on function public.product_rating(uuid,text) to service_role;
