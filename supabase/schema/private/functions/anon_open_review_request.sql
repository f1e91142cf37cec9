CREATE OR REPLACE FUNCTION private.anon_open_review_request(p_token text)
 RETURNS private.open_review_request_row
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  req public.review_requests;
  exp timestamptz;
  f private.open_review_request_row;
begin
  select r.* into req
  from private.review_request_tokens t join public.review_requests r on r.id = t.request_id
  where t.token_hash = extensions.digest(p_token, 'sha256')
  for update of r;
  if req.id is null or req.status not in ('sent', 'opened', 'expired') then
    raise exception 'this review link is unknown or already used' using errcode = 'PT404';
  end if;
  select t.expires_at into exp from private.review_request_tokens t where t.request_id = req.id;
  if exp <= now() or req.status = 'expired' then
    raise exception 'this review link expired on %', to_char(exp at time zone 'UTC', 'YYYY-MM-DD')
      using errcode = 'PT410', hint = 'you can still write a review from the product page';
  end if;
  if req.status = 'sent' then
    update public.review_requests set status = 'opened' where id = req.id;
  end if;
  select req.workspace_id, o.order_number,
         coalesce((select jsonb_agg(jsonb_build_object(
                    'shopify_product_id', pid,
                    'title', (select p.title from public.products p
                              where p.workspace_id = req.workspace_id and p.shopify_product_id = pid order by p.created_at, p.shopify_variant_id limit 1),
                    'reviewed', exists (select 1 from public.reviews x where x.review_request_id = req.id and x.shopify_product_id = pid))
                    order by pid)
                   from unnest(req.shopify_product_ids) pid), '[]'::jsonb),
         exp
    into f
  from public.orders o where o.id = req.order_id;
  return f;
end $function$;
comment on function private.anon_open_review_request(text) is 'Definer half of public.open_review_request: resolves a review link''s token to its form and marks the request opened.';
grant execute on function private.anon_open_review_request(text) to anon;
grant execute on function private.anon_open_review_request(text) to authenticated;
grant execute on function private.anon_open_review_request(text) to service_role;
