CREATE OR REPLACE FUNCTION private.apply_yotpo_reviews(p_job_id bigint, p_lease_id uuid, p_reviews jsonb, p_progress jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  j private.connector_jobs;
  mapped jsonb;
  r record;
  media integer;
begin
  if jsonb_typeof(p_reviews) is distinct from 'array' then
    raise exception 'p_reviews must be an array' using errcode = '22023';
  end if;
  j := private.touch_connector_job(p_job_id, p_lease_id, p_progress);
  select coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
           'imported_from', 'yotpo', 'original_id', y ->> 'id',
           'shopify_product_id', coalesce(nullif(y ->> 'sku', ''), y ->> 'product_id'),
           'rating', (y ->> 'score')::integer, 'title', left(y ->> 'title', 150), 'body', left(coalesce(y ->> 'content', ''), 5000),
           'author_name', left(coalesce(nullif(btrim(y ->> 'name'), ''), 'Anonymous'), 100),
           'author_email', case when lower(btrim(y ->> 'email')) ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then lower(btrim(y ->> 'email')) end,
           'status', 'published', 'verified_purchase', coalesce(y ->> 'reviewer_type' = 'verified_buyer', (y ->> 'verified_buyer')::boolean, false),
           'submitted_at', y ->> 'created_at'))), '[]')
  into mapped
  from jsonb_array_elements(p_reviews) y
  where not coalesce((y ->> 'deleted')::boolean, false) and y ->> 'id' ~ '^\d+$';
  select * into r from private.import_reviews(j.workspace_id, mapped);
  insert into public.review_media (workspace_id, review_id, status, source_url, position, ready_at)
  select j.workspace_id, rv.id, 'ready', m.img ->> 'original_url', (m.n - 1)::smallint, now()
  from jsonb_array_elements(p_reviews) y
  join public.reviews rv on rv.workspace_id = j.workspace_id and rv.imported_from = 'yotpo' and rv.original_id = y ->> 'id'
  cross join lateral jsonb_array_elements(coalesce(y -> 'images_data', '[]')) with ordinality m (img, n)
  where m.img ->> 'original_url' ~ '^https://' and m.n <= 21
  on conflict (workspace_id, review_id, source_url) where source_url is not null do nothing;
  get diagnostics media = row_count;
  return jsonb_build_object('inserted', r.inserted, 'updated', r.updated, 'unchanged', r.unchanged, 'media', media);
end $function$;
comment on function private.apply_yotpo_reviews(bigint,uuid,jsonb,jsonb) is 'The yotpo-import worker''s apply step for one page of Yotpo reviews, under the job''s lease: imported as published through private.import_reviews (keyed by Yotpo''s review id, so a page applied twice changes nothing; reviewer_type verified_buyer stays a verified purchase), deleted reviews skipped, images linked as ready review_media; the page reached is saved with it.';
grant execute on function private.apply_yotpo_reviews(bigint,uuid,jsonb,jsonb) to service_role;
