CREATE OR REPLACE FUNCTION public.open_review_request(p_token text)
 RETURNS public.open_review_request_row
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  perform private.anon_hit_rate_limit('review_link', null);
  if p_token is null or lower(btrim(p_token)) !~ '^[0-9a-f]{64}$' then
    raise exception 'this review link is unknown or already used' using errcode = 'PT404';
  end if;
  return (select row(x.*)::public.open_review_request_row from private.anon_open_review_request(lower(btrim(p_token))) x);
end $function$;
comment on function public.open_review_request(text) is 'Storefront (anon): the review form behind a review link (shop, order number, products, expiry); marks the request opened. PT404 for an unknown or used-up link, PT410 for an expired one; 30 links an hour per address (429). Answers one row (a JSON object).';
grant execute on function public.open_review_request(text) to anon;
grant execute on function public.open_review_request(text) to authenticated;
grant execute on function public.open_review_request(text) to service_role;
