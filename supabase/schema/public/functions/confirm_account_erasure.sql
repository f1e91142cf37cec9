CREATE OR REPLACE FUNCTION public.confirm_account_erasure(p_request_id uuid, p_token text)
 RETURNS public.privacy_requests
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_request_id is null or p_token is null or p_token !~ '^[0-9a-f]{64}$' then
    raise exception 'request id and the 64-character confirmation token are required' using errcode = '22023';
  end if;
  return private.confirm_erasure(p_request_id, p_token);
end $function$;
comment on function public.confirm_account_erasure(uuid,text) is 'Confirms an erasure request with the token request_account_erasure returned; the privacy job erases the account within minutes. 22023 bad input, PT404 unknown, 42501 wrong token, PT409 not pending or expired.';
grant execute on function public.confirm_account_erasure(uuid,text) to authenticated;
grant execute on function public.confirm_account_erasure(uuid,text) to service_role;
