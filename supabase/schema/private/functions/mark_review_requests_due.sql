CREATE OR REPLACE FUNCTION private.mark_review_requests_due(p_limit integer DEFAULT 5000)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  with pick as (
    select r.id, r.order_id from public.review_requests r
    where r.status = 'queued' and r.send_after <= now()
    order by r.send_after
    limit p_limit
    for update of r skip locked
  ), facts as (
    select p.id, o.cancelled_at, o.financial_status,
           array(select distinct li.shopify_product_id from public.order_line_items li
                 where li.order_id = p.order_id and li.shopify_product_id is not null
                 order by 1) as products
    from pick p join public.orders o on o.id = p.order_id
  )
  update public.review_requests r set
    shopify_product_ids = f.products,
    status = case when f.cancelled_at is not null or f.financial_status in ('refunded', 'voided')
                    or cardinality(f.products) = 0 then 'cancelled' else 'due' end::public.review_request_status,
    cancel_reason = case when f.cancelled_at is not null then 'the order was cancelled'
                         when f.financial_status in ('refunded', 'voided') then 'the order was refunded'
                         when cardinality(f.products) = 0 then 'the order has no products to review' end
  from facts f where r.id = f.id;
  get diagnostics n = row_count;

  update public.review_requests r set status = 'expired'
  from private.review_request_tokens t
  where t.request_id = r.id and t.expires_at <= now() and r.status in ('sent', 'opened');
  delete from private.review_request_tokens t where t.expires_at < now() - interval '30 days';
  return n;
end $function$;
comment on function private.mark_review_requests_due(integer) is 'pg_cron job review-requests-due (every 5 minutes): queued requests whose send_after has passed become due (products fixed from the order''s line items) or cancelled (order cancelled or refunded, nothing to review); sent requests whose token expired become expired; tokens 30 days past expiry are purged. Returns how many queued requests it handled.';
grant execute on function private.mark_review_requests_due(integer) to service_role;
