CREATE OR REPLACE FUNCTION private.sign_visitor_identity(p_signed text)
 RETURNS text
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select private.base64url(extensions.hmac(convert_to(p_signed, 'UTF8'), k.key, 'sha256')) from private.visitor_identity_key k
$function$;
comment on function private.sign_visitor_identity(text) is 'HMAC-SHA256 (base64url) of a visitor identity token''s signed part under private.visitor_identity_key.';
