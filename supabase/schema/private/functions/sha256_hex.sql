CREATE OR REPLACE FUNCTION private.sha256_hex(p_text text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
  select encode(sha256(convert_to(p_text, 'UTF8')), 'hex')
$function$;
comment on function private.sha256_hex(text) is 'SHA-256 of the UTF-8 text, lowercase hex (the same as the functions compute).';
grant execute on function private.sha256_hex(text) to authenticated;
grant execute on function private.sha256_hex(text) to service_role;
