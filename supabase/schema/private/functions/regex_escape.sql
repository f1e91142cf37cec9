CREATE OR REPLACE FUNCTION private.regex_escape(p_text text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select regexp_replace(p_text, '([.*+?^${}()|\[\]\\])', '\\\1', 'g')
$function$;
comment on function private.regex_escape(text) is 'A string as a literal inside a regular expression.';
