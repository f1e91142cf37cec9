CREATE OR REPLACE FUNCTION private.email_sha256(p_email text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select case when nullif(btrim(p_email), '') is null then null
    else encode(extensions.digest(convert_to(lower(btrim(p_email)), 'UTF8'), 'sha256'), 'hex') end
$function$;
comment on function private.email_sha256(text) is 'Hex SHA-256 of lower(trim(email)); null for empty input. The form ad platforms use for matching.';
grant execute on function private.email_sha256(text) to authenticated;
grant execute on function private.email_sha256(text) to service_role;
