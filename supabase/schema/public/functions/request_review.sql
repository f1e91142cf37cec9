CREATE OR REPLACE FUNCTION public.request_review(p_order_id uuid, p_send_after timestamp with time zone DEFAULT NULL::timestamp with time zone)
 RETURNS public.review_requests
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_order_id is null then
    raise exception 'p_order_id is required' using errcode = '22023';
  end if;
  if p_send_after is not null and p_send_after > now() + interval '365 days' then
    raise exception 'p_send_after must be within a year' using errcode = '22023';
  end if;
  return private.request_review(p_order_id, p_send_after);
end $function$;
comment on function public.request_review(uuid,timestamp with time zone) is 'Members: queue a review request for an order now (or at p_send_after). PT404 unknown order, PT409 the order already has one or was cancelled.';
grant execute on function public.request_review(uuid,timestamp with time zone) to authenticated;
grant execute on function public.request_review(uuid,timestamp with time zone) to service_role;
