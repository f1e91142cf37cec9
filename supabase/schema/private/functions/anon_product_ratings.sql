CREATE OR REPLACE FUNCTION private.anon_product_ratings(p_workspace_id uuid, p_shopify_product_ids text[])
 RETURNS SETOF private.product_rating_row
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select pid, coalesce(s.review_count, 0), s.average_rating, coalesce(s.rating_1, 0), coalesce(s.rating_2, 0),
         coalesce(s.rating_3, 0), coalesce(s.rating_4, 0), coalesce(s.rating_5, 0)
  from unnest(p_shopify_product_ids) with ordinality as p (pid, n)
  left join public.product_rating_summaries s on s.workspace_id = p_workspace_id and s.shopify_product_id = p.pid
  order by p.n
$function$;
comment on function private.anon_product_ratings(uuid,text[]) is 'Definer half of public.product_rating(s): summary rows by primary key, zeros for products without published reviews.';
grant execute on function private.anon_product_ratings(uuid,text[]) to anon;
grant execute on function private.anon_product_ratings(uuid,text[]) to authenticated;
grant execute on function private.anon_product_ratings(uuid,text[]) to service_role;
