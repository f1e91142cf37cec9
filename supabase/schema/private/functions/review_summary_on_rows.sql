CREATE OR REPLACE FUNCTION private.review_summary_on_rows()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.apply_rating_deltas(array_agg(c.workspace_id), array_agg(c.shopify_product_id), array_agg(c.rating),
                                      array_agg(case tg_op when 'INSERT' then 1 else -1 end))
  from changed_rows c where c.status = 'published'
  having count(*) > 0;
  return null;
end $function$;
comment on function private.review_summary_on_rows() is 'AFTER INSERT / AFTER DELETE (per statement) on reviews: adds the published rows to the rating summary, or takes them out.';
