CREATE OR REPLACE FUNCTION public.product_reviews(p_workspace_id uuid, p_shopify_product_id text, p_sort public.review_sort DEFAULT 'newest'::public.review_sort, p_limit integer DEFAULT 10, p_offset integer DEFAULT 0)
 RETURNS SETOF public.product_reviews_row
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_workspace_id is null or p_shopify_product_id is null or p_shopify_product_id !~ '^\S{1,64}$' then
    raise exception 'p_workspace_id and p_shopify_product_id (1-64 characters) are required' using errcode = '22023';
  end if;
  if p_limit is null or p_limit < 1 then
    raise exception 'p_limit must be at least 1' using errcode = '22023';
  end if;
  -- (require_batch_size's message, inline: anon may not call that helper)
  if p_limit > 50 then
    raise exception 'too many reviews per page: % given, at most 50 per call', p_limit
      using errcode = 'PT413', hint = 'page with p_offset';
  end if;
  if p_offset is null or p_offset < 0 or p_offset > 10000 then
    raise exception 'p_offset must be between 0 and 10000' using errcode = '22023';
  end if;
  perform private.anon_hit_rate_limit('review_read', p_workspace_id::text);
  return query select (row(q.*)::public.product_reviews_row).* from (select * from private.anon_product_reviews(p_workspace_id, p_shopify_product_id,
                                                          coalesce(p_sort, 'newest'), p_limit, p_offset)) q;
end $function$;
comment on function public.product_reviews(uuid,text,public.review_sort,integer,integer) is 'Storefront (anon, POST): a page of a product''s published reviews, newest first or by rating or helpfulness; p_limit 1-50 (PT413 above), p_offset 0-10000. 300 review reads a minute per address and workspace (429).';
grant execute on function public.product_reviews(uuid,text,public.review_sort,integer,integer) to anon;
grant execute on function public.product_reviews(uuid,text,public.review_sort,integer,integer) to authenticated;
grant execute on function public.product_reviews(uuid,text,public.review_sort,integer,integer) to service_role;
