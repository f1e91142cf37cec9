CREATE OR REPLACE FUNCTION private.error_fingerprint(p_error_type text, p_source text, p_message text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select encode(extensions.digest(
    coalesce(p_error_type, '') || chr(31) || coalesce(p_source, '') || chr(31) ||
    regexp_replace(regexp_replace(regexp_replace(coalesce(p_message, ''),
      '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}', '<uuid>', 'g'),
      '\m(0x)?[0-9a-fA-F]{16,}\M', '<hex>', 'g'),
      '\d+', '<n>', 'g'), 'sha256'), 'hex')
$function$;
comment on function private.error_fingerprint(text,text,text) is 'Fingerprint of an error: SHA-256 of type, source and the message with uuids, long hex strings and numbers masked, so "order 123 failed" and "order 456 failed" are one error.';
