CREATE OR REPLACE FUNCTION public.request_account_erasure()
 RETURNS TABLE(request_id uuid, confirmation_token text, confirm_by timestamp with time zone)
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  rid uuid;
  t text;
begin
  select r.request_id, r.token into rid, t from private.open_user_request('erasure') r;
  -- a new statement: its snapshot sees the row the call above inserted
  return query select rid, t, p.confirm_by from public.privacy_requests p where p.id = rid;
end $function$;
comment on function public.request_account_erasure() is 'Asks to erase the signed-in user''s account and data. Returns the request and a one-time confirmation token (24 hours) to pass to confirm_account_erasure. PT409 while the user is the only owner of a workspace or a request is open.';
grant execute on function public.request_account_erasure() to authenticated;
grant execute on function public.request_account_erasure() to service_role;
