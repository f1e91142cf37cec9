CREATE OR REPLACE FUNCTION public.request_customer_export(p_workspace_id uuid, p_email text DEFAULT NULL::text, p_phone text DEFAULT NULL::text, p_shopify_customer_id text DEFAULT NULL::text)
 RETURNS public.privacy_requests
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  perform private.check_customer_identifiers(p_email, p_phone, p_shopify_customer_id, null);
  return private.open_customer_request(p_workspace_id, 'export', p_email, p_phone, p_shopify_customer_id, null);
end $function$;
comment on function public.request_customer_export(uuid,text,text,text) is 'Admin: records a shop customer''s access request; the privacy worker builds the document (as for customers/data_request) for the workspace''s admins to download. Returns the request. 22023 bad input, 42501 not an admin.';
grant execute on function public.request_customer_export(uuid,text,text,text) to authenticated;
grant execute on function public.request_customer_export(uuid,text,text,text) to service_role;
