CREATE OR REPLACE FUNCTION public.submit_review(p_workspace_id uuid, p_shopify_product_id text, p_rating integer, p_body text, p_author_name text, p_author_email text, p_title text DEFAULT NULL::text, p_token text DEFAULT NULL::text)
 RETURNS TABLE(review_id uuid, status public.review_status, verified_purchase boolean)
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
#variable_conflict use_column
declare
  email text := lower(btrim(p_author_email));
begin
  if p_workspace_id is null or p_shopify_product_id is null or p_shopify_product_id !~ '^\S{1,64}$' then
    raise exception 'p_workspace_id and p_shopify_product_id (1-64 characters) are required' using errcode = '22023';
  end if;
  if p_rating is null or p_rating not between 1 and 5 then
    raise exception 'rating must be a whole number from 1 to 5' using errcode = '22023';
  end if;
  if p_body is null or char_length(btrim(p_body)) not between 1 and 5000 then
    raise exception 'the review text is required and may be at most 5000 characters' using errcode = '22023';
  end if;
  if p_title is not null and char_length(btrim(p_title)) > 150 then
    raise exception 'the title may be at most 150 characters' using errcode = '22023';
  end if;
  if p_author_name is null or char_length(btrim(p_author_name)) not between 1 and 100 then
    raise exception 'your name is required (at most 100 characters)' using errcode = '22023';
  end if;
  if email is null or char_length(email) > 254 or email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise exception 'a valid email address is required' using errcode = '22023';
  end if;
  return query select * from private.anon_submit_review(p_workspace_id, p_shopify_product_id, p_rating,
    nullif(btrim(p_title), ''), btrim(p_body), btrim(p_author_name), email, lower(btrim(p_token)));
end $function$;
comment on function public.submit_review(uuid,text,integer,text,text,text,text,text) is 'Storefront (anon): submit a review. With a review link''s token it is a verified purchase (published at once if the workspace auto-publishes verified reviews); otherwise it waits for moderation. 22023 invalid input, PT404 unknown product, PT429 rate limited (5 per hour per address and shop).';
grant execute on function public.submit_review(uuid,text,integer,text,text,text,text,text) to anon;
grant execute on function public.submit_review(uuid,text,integer,text,text,text,text,text) to authenticated;
grant execute on function public.submit_review(uuid,text,integer,text,text,text,text,text) to service_role;
