CREATE OR REPLACE FUNCTION public.cancel_privacy_request(p_request_id uuid)
 RETURNS public.privacy_requests
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_request_id is null then
    raise exception 'request id is required' using errcode = '22023';
  end if;
  return private.cancel_request(p_request_id);
end $function$;
comment on function public.cancel_privacy_request(uuid) is 'Cancels the caller''s own pending export or erasure request (status rejected). PT404 unknown, PT409 no longer pending.';
grant execute on function public.cancel_privacy_request(uuid) to authenticated;
grant execute on function public.cancel_privacy_request(uuid) to service_role;
