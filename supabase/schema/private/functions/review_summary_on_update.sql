CREATE OR REPLACE FUNCTION private.review_summary_on_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.apply_rating_deltas(array_agg(d.ws), array_agg(d.product), array_agg(d.rating), array_agg(d.sign))
  from (values (old.workspace_id, old.shopify_product_id, old.rating, -1, old.status),
               (new.workspace_id, new.shopify_product_id, new.rating, 1, new.status)) d (ws, product, rating, sign, status)
  where d.status = 'published'
  having count(*) > 0;
  return null;
end $function$;
comment on function private.review_summary_on_update() is 'AFTER UPDATE (per row, only when status, rating or product changed) on reviews: moves the review''s contribution in the rating summary.';
