CREATE OR REPLACE FUNCTION private.import_reviews(p_workspace_id uuid, p_reviews jsonb)
 RETURNS TABLE(inserted integer, updated integer, unchanged integer)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
#variable_conflict use_column
declare
  n_ins integer;
  n_upd integer;
  total integer := jsonb_array_length(p_reviews);
begin
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  with src as (
    select btrim(o ->> 'imported_from') as imported_from, btrim(o ->> 'original_id') as original_id,
           btrim(o ->> 'shopify_product_id') as shopify_product_id, (o ->> 'rating')::smallint as rating,
           nullif(btrim(o ->> 'title'), '') as title, coalesce(btrim(o ->> 'body'), '') as body,
           coalesce(nullif(btrim(o ->> 'author_name'), ''), 'Anonymous') as author_name,
           lower(nullif(btrim(o ->> 'author_email'), '')) as author_email,
           coalesce((o ->> 'status')::public.review_status, 'published') as status,
           coalesce((o ->> 'verified_purchase')::boolean, false) as verified_purchase,
           coalesce((o ->> 'submitted_at')::timestamptz, now()) as submitted_at
    from jsonb_array_elements(p_reviews) o
  ), up as (
    insert into public.reviews as t (workspace_id, imported_from, original_id, shopify_product_id, rating, title, body,
                                     author_name, author_email, status, verified_purchase, submitted_at, published_at)
    select p_workspace_id, s.imported_from, s.original_id, s.shopify_product_id, s.rating, s.title, s.body, s.author_name,
           s.author_email, s.status, s.verified_purchase, s.submitted_at,
           case when s.status = 'published' then s.submitted_at end
    from src s
    order by s.imported_from, s.original_id
    -- Re-imports refresh the content; the status stays as moderation left it.
    on conflict (workspace_id, imported_from, original_id) do update set
      shopify_product_id = excluded.shopify_product_id, rating = excluded.rating, title = excluded.title,
      body = excluded.body, author_name = excluded.author_name, author_email = excluded.author_email,
      verified_purchase = excluded.verified_purchase, submitted_at = excluded.submitted_at
    where (t.shopify_product_id, t.rating, t.title, t.body, t.author_name, t.author_email, t.verified_purchase, t.submitted_at)
      is distinct from (excluded.shopify_product_id, excluded.rating, excluded.title, excluded.body, excluded.author_name,
                        excluded.author_email, excluded.verified_purchase, excluded.submitted_at)
    returning (t.xmax = 0) as was_insert
  )
  select count(*) filter (where was_insert), count(*) filter (where not was_insert) into n_ins, n_upd from up;
  return query select n_ins, n_upd, total - n_ins - n_upd;
end $function$;
comment on function private.import_reviews(uuid,jsonb) is 'Definer half of public.import_reviews: idempotent upsert keyed by (imported_from, original_id).';
grant execute on function private.import_reviews(uuid,jsonb) to authenticated;
grant execute on function private.import_reviews(uuid,jsonb) to service_role;
