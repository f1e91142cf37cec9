CREATE OR REPLACE FUNCTION public.cancel_review_request(p_request_id uuid)
 RETURNS public.review_requests
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_request_id is null then
    raise exception 'p_request_id is required' using errcode = '22023';
  end if;
  return private.cancel_review_request(p_request_id);
end $function$;
comment on function public.cancel_review_request(uuid) is 'Members: cancel an open review request. PT404 unknown request, PT409 already finished.';
grant execute on function public.cancel_review_request(uuid) to authenticated;
grant execute on function public.cancel_review_request(uuid) to service_role;
