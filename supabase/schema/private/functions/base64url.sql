CREATE OR REPLACE FUNCTION private.base64url(p_bytes bytea)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select translate(encode(p_bytes, 'base64'), E'+/=\n', '-_')
$function$;
comment on function private.base64url(bytea) is 'Base64url without padding (RFC 4648 section 5).';
