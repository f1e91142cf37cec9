CREATE OR REPLACE FUNCTION private.anon_submit_review(p_workspace_id uuid, p_shopify_product_id text, p_rating integer, p_title text, p_body text, p_author_name text, p_author_email text, p_token text)
 RETURNS TABLE(review_id uuid, status public.review_status, verified_purchase boolean)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
#variable_conflict use_column
declare
  s public.review_settings;
  req public.review_requests;
  verified boolean := false;
  st public.review_status := 'pending'::public.review_status;
  rid uuid := gen_random_uuid();
begin
  if not exists (select 1 from public.products p where p.workspace_id = p_workspace_id
                 and p.shopify_product_id = p_shopify_product_id and p.status = 'active') then
    raise exception 'this shop has no product %', p_shopify_product_id using errcode = 'PT404';
  end if;
  perform private.hit_rate_limit('review_submit', p_workspace_id::text);
  s := private.review_settings_for(p_workspace_id);

  if p_token ~ '^[0-9a-f]{64}$' then
    -- The request row lock serializes two submissions carrying the same token.
    select r.* into req
    from private.review_request_tokens t
    join public.review_requests r on r.id = t.request_id
    where t.token_hash = extensions.digest(p_token, 'sha256') and t.expires_at > now()
      and r.workspace_id = p_workspace_id and r.status in ('sent', 'opened')
    for update of r;
    verified := found and p_shopify_product_id = any (req.shopify_product_ids)
      and not exists (select 1 from public.reviews x
                      where x.review_request_id = req.id and x.shopify_product_id = p_shopify_product_id);
  end if;
  if verified and s.auto_publish_verified then
    st := 'published';
  end if;

  insert into public.reviews (id, workspace_id, shopify_product_id, order_id, review_request_id, author_name, author_email,
                              rating, title, body, status, verified_purchase)
  values (rid, p_workspace_id, p_shopify_product_id, case when verified then req.order_id end,
          case when verified then req.id end, p_author_name, p_author_email, p_rating, p_title, p_body, st, verified);

  if verified then
    if not exists (select 1 from unnest(req.shopify_product_ids) pid
                   where not exists (select 1 from public.reviews x where x.review_request_id = req.id and x.shopify_product_id = pid)) then
      update public.review_requests set status = 'completed' where id = req.id;
    elsif req.status = 'sent' then
      update public.review_requests set status = 'opened' where id = req.id;
    end if;
  end if;
  return query select rid, st, verified;
end $function$;
comment on function private.anon_submit_review(uuid,text,integer,text,text,text,text,text) is 'Definer half of public.submit_review: checks the product, the rate limit and the token; stores the review pending (or published when verified and auto-published); completes the request when every product is reviewed.';
grant execute on function private.anon_submit_review(uuid,text,integer,text,text,text,text,text) to anon;
grant execute on function private.anon_submit_review(uuid,text,integer,text,text,text,text,text) to authenticated;
grant execute on function private.anon_submit_review(uuid,text,integer,text,text,text,text,text) to service_role;
