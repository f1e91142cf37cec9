CREATE OR REPLACE FUNCTION private.apply_rating_deltas(p_workspace_ids uuid[], p_product text[], p_rating smallint[], p_sign integer[])
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  with d as (
    select x.ws, x.product, sum(x.sign)::integer as n, sum(x.sign * x.rating)::bigint as total,
           coalesce(sum(x.sign) filter (where x.rating = 1), 0)::integer as r1,
           coalesce(sum(x.sign) filter (where x.rating = 2), 0)::integer as r2,
           coalesce(sum(x.sign) filter (where x.rating = 3), 0)::integer as r3,
           coalesce(sum(x.sign) filter (where x.rating = 4), 0)::integer as r4,
           coalesce(sum(x.sign) filter (where x.rating = 5), 0)::integer as r5
    from unnest(p_workspace_ids, p_product, p_rating, p_sign) as x (ws, product, rating, sign)
    where exists (select 1 from public.workspaces w where w.id = x.ws)
    group by x.ws, x.product
  ), upd as (
    update public.product_rating_summaries s set
      review_count = s.review_count + d.n, rating_sum = s.rating_sum + d.total,
      rating_1 = s.rating_1 + d.r1, rating_2 = s.rating_2 + d.r2, rating_3 = s.rating_3 + d.r3,
      rating_4 = s.rating_4 + d.r4, rating_5 = s.rating_5 + d.r5
    from d
    where s.workspace_id = d.ws and s.shopify_product_id = d.product
    returning s.workspace_id, s.shopify_product_id
  )
  insert into public.product_rating_summaries as s
    (workspace_id, shopify_product_id, review_count, rating_sum, rating_1, rating_2, rating_3, rating_4, rating_5)
  select d.ws, d.product, d.n, d.total, d.r1, d.r2, d.r3, d.r4, d.r5
  from d
  where not exists (select 1 from upd u where u.workspace_id = d.ws and u.shopify_product_id = d.product)
  order by d.ws, d.product
  -- a concurrent transaction created the row meanwhile
  on conflict (workspace_id, shopify_product_id) do update set
    review_count = s.review_count + excluded.review_count,
    rating_sum = s.rating_sum + excluded.rating_sum,
    rating_1 = s.rating_1 + excluded.rating_1, rating_2 = s.rating_2 + excluded.rating_2,
    rating_3 = s.rating_3 + excluded.rating_3, rating_4 = s.rating_4 + excluded.rating_4,
    rating_5 = s.rating_5 + excluded.rating_5
$function$;
comment on function private.apply_rating_deltas(uuid[],text[],smallint[],integer[]) is 'Adds signed per-review contributions to product_rating_summaries (used by the reviews triggers).';
