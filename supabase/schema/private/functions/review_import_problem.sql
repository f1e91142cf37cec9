CREATE OR REPLACE FUNCTION private.review_import_problem(p_review jsonb)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  if jsonb_typeof(p_review) is distinct from 'object' then
    return 'row: must be an object';
  end if;
  if coalesce(p_review ->> 'imported_from', '') !~ '^[a-z0-9_-]{1,32}$' then
    return 'imported_from: is required (lowercase letters, digits, _ or -, at most 32)';
  end if;
  if coalesce(jsonb_typeof(p_review -> 'original_id'), '') not in ('string', 'number') or char_length(p_review ->> 'original_id') not between 1 and 128 then
    return 'original_id: is required (at most 128 characters)';
  end if;
  if coalesce(jsonb_typeof(p_review -> 'shopify_product_id'), '') not in ('string', 'number') or (p_review ->> 'shopify_product_id') !~ '^\S{1,64}$' then
    return 'shopify_product_id: is required (1-64 characters)';
  end if;
  if not private.is_whole_number(p_review -> 'rating', 1) or (p_review ->> 'rating')::numeric > 5 then
    return 'rating: must be a whole number from 1 to 5';
  end if;
  if p_review ->> 'author_name' is not null and char_length(btrim(p_review ->> 'author_name')) not between 1 and 100 then
    return 'author_name: must be 1-100 characters';
  end if;
  if p_review ->> 'author_email' is not null and (char_length(p_review ->> 'author_email') > 254
     or btrim(p_review ->> 'author_email') !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$') then
    return 'author_email: is not a valid address';
  end if;
  if char_length(p_review ->> 'title') > 150 then
    return 'title: may be at most 150 characters';
  end if;
  if char_length(p_review ->> 'body') > 5000 then
    return 'body: may be at most 5000 characters';
  end if;
  if p_review ->> 'status' is not null and not (p_review ->> 'status' = any (enum_range(null::public.review_status)::text[])) then
    return 'status: is not one of pending, published, rejected, spam';
  end if;
  if p_review -> 'verified_purchase' is not null and jsonb_typeof(p_review -> 'verified_purchase') not in ('boolean', 'null') then
    return 'verified_purchase: must be true or false';
  end if;
  if p_review ->> 'submitted_at' is not null and not private.is_timestamptz(p_review ->> 'submitted_at') then
    return 'submitted_at: is not a timestamp';
  end if;
  return null;
end $function$;
comment on function private.review_import_problem(jsonb) is 'Validates one element of import_reviews'' batch; returns ''field: reason'' or null.';
grant execute on function private.review_import_problem(jsonb) to authenticated;
grant execute on function private.review_import_problem(jsonb) to service_role;
