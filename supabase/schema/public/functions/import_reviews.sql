CREATE OR REPLACE FUNCTION public.import_reviews(p_workspace_id uuid, p_reviews jsonb)
 RETURNS TABLE(inserted integer, updated integer, unchanged integer)
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
#variable_conflict use_column
declare
  o jsonb;
  idx bigint;
  problem text;
  dup text;
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if jsonb_typeof(p_reviews) is distinct from 'array' then
    raise exception 'p_reviews must be a JSON array of reviews' using errcode = '22023';
  end if;
  perform private.require_batch_size('reviews', jsonb_array_length(p_reviews), 1000);
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  for o, idx in select e.value, e.ordinality - 1 from jsonb_array_elements(p_reviews) with ordinality e loop
    problem := private.review_import_problem(o);
    if problem is not null then
      raise exception 'reviews[%].%', idx, problem using errcode = '22023';
    end if;
  end loop;
  select format('%s/%s', btrim(e.value ->> 'imported_from'), btrim(e.value ->> 'original_id')) into dup
  from jsonb_array_elements(p_reviews) e group by btrim(e.value ->> 'imported_from'), btrim(e.value ->> 'original_id')
  having count(*) > 1 limit 1;
  if dup is not null then
    raise exception 'reviews: % appears more than once in the batch', dup using errcode = '22023';
  end if;
  return query select * from private.import_reviews(p_workspace_id, p_reviews);
end $function$;
comment on function public.import_reviews(uuid,jsonb) is 'Members and service_role: import up to 1000 reviews from another system (objects with imported_from, original_id, shopify_product_id, rating, title, body, author_name, author_email, status (default published), verified_purchase, submitted_at). Idempotent: re-imports update content, never status. Returns counts inserted, updated, unchanged. 22023 names the first bad row and field; PT413 over 1000.';
grant execute on function public.import_reviews(uuid,jsonb) to authenticated;
grant execute on function public.import_reviews(uuid,jsonb) to service_role;
