CREATE OR REPLACE FUNCTION private.html_escape(p_text text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select replace(replace(replace(replace(replace(p_text, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')
$function$;
comment on function private.html_escape(text) is 'Escapes & < > " and '' for HTML text and attribute values.';
