CREATE OR REPLACE FUNCTION private.mint_visitor_identity(p_workspace_id uuid, p_visitor_id text, p_shopify_customer_id text, p_email text, p_phone text, p_ttl_seconds integer)
 RETURNS TABLE(token text, expires_at timestamp with time zone)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  exp timestamptz := now() + make_interval(secs => p_ttl_seconds);
  signed text;
begin
  if not exists (select 1 from public.workspaces w where w.id = p_workspace_id) then
    raise exception 'no such workspace' using errcode = 'PT404';
  end if;
  signed := 'v1.' || private.base64url(convert_to(jsonb_strip_nulls(jsonb_build_object(
    'w', p_workspace_id, 'v', p_visitor_id, 's', nullif(btrim(p_shopify_customer_id), ''),
    'e', private.email_sha256(p_email), 'p', private.phone_sha256(p_phone),
    'x', floor(extract(epoch from exp))::bigint))::text, 'UTF8'));
  token := signed || '.' || private.sign_visitor_identity(signed);
  expires_at := exp;
  return next;
end $function$;
comment on function private.mint_visitor_identity(uuid,text,text,text,text,integer) is 'Definer half of create_visitor_identity_token: a signed token naming the workspace, the visitor, the customer''s Shopify id and email/phone hashes (never plaintext) and its expiry.';
grant execute on function private.mint_visitor_identity(uuid,text,text,text,text,integer) to service_role;
