CREATE OR REPLACE FUNCTION private.open_customer_request(p_workspace_id uuid, p_kind public.privacy_request_kind, p_email text, p_phone text, p_shopify_customer_id text, p_name text)
 RETURNS public.privacy_requests
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  r public.privacy_requests;
begin
  perform private.require_workspace_role(p_workspace_id, 'admin');
  insert into public.privacy_requests (workspace_id, kind, source, subject, requested_by)
  values (p_workspace_id, p_kind, 'admin',
          jsonb_strip_nulls(jsonb_build_object('shopify_customer_id', nullif(btrim(p_shopify_customer_id), ''),
            'email_sha256', private.email_sha256(p_email), 'phone_sha256', private.phone_sha256(p_phone))),
          (select auth.uid()))
  returning * into r;
  if p_kind = 'erasure' then
    insert into private.privacy_request_subjects (request_id, subject)
    values (r.id, jsonb_strip_nulls(jsonb_build_object('emails', jsonb_build_array(p_email), 'phones', jsonb_build_array(p_phone),
                                                       'names', jsonb_build_array(nullif(btrim(p_name), '')))));
  end if;
  return r;
end $function$;
comment on function private.open_customer_request(uuid,public.privacy_request_kind,text,text,text,text) is 'Definer half of request_customer_export/erasure: an admin records a customer''s request (hashes in privacy_requests.subject; for an erasure the clear identifiers wait in private.privacy_request_subjects).';
grant execute on function private.open_customer_request(uuid,public.privacy_request_kind,text,text,text,text) to authenticated;
