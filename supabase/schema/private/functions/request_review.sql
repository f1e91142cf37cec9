CREATE OR REPLACE FUNCTION private.request_review(p_order_id uuid, p_send_after timestamp with time zone)
 RETURNS public.review_requests
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  o public.orders;
  r public.review_requests;
begin
  select * into o from public.orders where id = p_order_id;
  if not found or (private.is_end_user()
                   and not o.workspace_id = any (array(select private.workspace_ids('viewer')))) then
    raise exception 'order % not found', p_order_id using errcode = 'PT404';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(o.workspace_id, 'member');
  end if;
  if o.cancelled_at is not null or o.financial_status in ('refunded', 'voided') then
    raise exception 'order % was cancelled or refunded: there is nothing to review', o.order_number using errcode = 'PT409';
  end if;
  insert into public.review_requests (workspace_id, order_id, trigger_event, send_after, created_by)
  values (o.workspace_id, o.id, 'manual', coalesce(p_send_after, now()), (select auth.uid()))
  on conflict (order_id) do nothing
  returning * into r;
  if r.id is null then
    raise exception 'order % already has a review request', coalesce(o.order_number, o.shopify_order_id)
      using errcode = 'PT409', hint = 'each order gets one review request';
  end if;
  return r;
end $function$;
comment on function private.request_review(uuid,timestamp with time zone) is 'Queues a manual review request for an order (members of its workspace, or service_role).';
grant execute on function private.request_review(uuid,timestamp with time zone) to authenticated;
grant execute on function private.request_review(uuid,timestamp with time zone) to service_role;
