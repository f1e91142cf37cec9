CREATE OR REPLACE FUNCTION private.anon_product_reviews(p_workspace_id uuid, p_shopify_product_id text, p_sort public.review_sort, p_limit integer, p_offset integer)
 RETURNS SETOF private.product_reviews_row
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ids uuid[];
begin
  -- One static query per ordering, so each uses its own partial index.
  if p_sort = 'highest_rating' then
    ids := array(select r.id from public.reviews r
                 where r.workspace_id = p_workspace_id and r.shopify_product_id = p_shopify_product_id and r.status = 'published'
                 order by r.rating desc, r.submitted_at desc, r.id desc limit p_limit offset p_offset);
  elsif p_sort = 'lowest_rating' then
    ids := array(select r.id from public.reviews r
                 where r.workspace_id = p_workspace_id and r.shopify_product_id = p_shopify_product_id and r.status = 'published'
                 order by r.rating, r.submitted_at desc, r.id desc limit p_limit offset p_offset);
  elsif p_sort = 'most_helpful' then
    ids := array(select r.id from public.reviews r
                 where r.workspace_id = p_workspace_id and r.shopify_product_id = p_shopify_product_id and r.status = 'published'
                 order by r.helpful_count desc, r.submitted_at desc, r.id desc limit p_limit offset p_offset);
  else
    ids := array(select r.id from public.reviews r
                 where r.workspace_id = p_workspace_id and r.shopify_product_id = p_shopify_product_id and r.status = 'published'
                 order by r.submitted_at desc, r.id desc limit p_limit offset p_offset);
  end if;
  return query
  select r.id, r.shopify_product_id, r.rating, r.title, r.body, r.author_name, r.verified_purchase,
         r.helpful_count, r.unhelpful_count, r.submitted_at,
         resp.body, resp.author_name, resp.created_at,
         coalesce((select jsonb_agg(jsonb_build_object('playback_id', m.mux_playback_id, 'duration_seconds', m.duration_seconds,
                                                       'aspect_ratio', m.aspect_ratio) order by m.position, m.created_at)
                   from public.review_media m
                   where m.review_id = r.id and m.status = 'ready' and m.mux_playback_id is not null), '[]'::jsonb)
  from unnest(ids) with ordinality as page (id, n)
  join public.reviews r on r.id = page.id
  left join public.review_responses resp on resp.review_id = r.id
  order by page.n;
end $function$;
comment on function private.anon_product_reviews(uuid,text,public.review_sort,integer,integer) is 'Definer half of public.product_reviews: one page of a product''s published reviews with replies and ready media.';
grant execute on function private.anon_product_reviews(uuid,text,public.review_sort,integer,integer) to anon;
grant execute on function private.anon_product_reviews(uuid,text,public.review_sort,integer,integer) to authenticated;
grant execute on function private.anon_product_reviews(uuid,text,public.review_sort,integer,integer) to service_role;
