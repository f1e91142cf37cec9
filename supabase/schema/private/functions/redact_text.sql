CREATE OR REPLACE FUNCTION private.redact_text(p_text text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(p_text,
    '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}', '[email]', 'g'),
    '(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}', '\1 [token]', 'gi'),
    '\m(sk|pk|rk|key|xox[abp])[-_][A-Za-z0-9_-]{12,}', '[key]', 'g'),
    '\m\d(?:[ -]?\d){12,18}\M', '[number]', 'g'),
    '\+\d[\d ().-]{6,}\d', '[phone]', 'g'),
    '\(?\m\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}\M', '[phone]', 'g')
$function$;
comment on function private.redact_text(text) is 'Masks emails, bearer/basic tokens, API keys, card-like numbers and phone numbers in a string.';
grant execute on function private.redact_text(text) to service_role;
