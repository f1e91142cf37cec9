CREATE OR REPLACE FUNCTION private.phone_sha256(p_phone text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select case when coalesce(length(regexp_replace(p_phone, '[^0-9]', '', 'g')), 0) < 6 then null
    else encode(extensions.digest(convert_to('+' || regexp_replace(p_phone, '[^0-9]', '', 'g'), 'UTF8'), 'sha256'), 'hex') end
$function$;
comment on function private.phone_sha256(text) is 'Hex SHA-256 of the phone as +digits (E.164 without separators); null when under 6 digits.';
grant execute on function private.phone_sha256(text) to authenticated;
grant execute on function private.phone_sha256(text) to service_role;
