CREATE OR REPLACE FUNCTION private.base64url_decode(p_text text)
 RETURNS bytea
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select decode(rpad(translate(p_text, '-_', '+/'), (char_length(p_text) + 3) / 4 * 4, '='), 'base64')
$function$;
comment on function private.base64url_decode(text) is 'Decodes base64url with or without padding; raises on characters outside the alphabet.';
