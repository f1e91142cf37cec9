CREATE OR REPLACE FUNCTION private.caption_key(p_caption text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select nullif(left(regexp_replace(lower(btrim(p_caption)), '\s+', ' ', 'g'), 120), '')
$function$;
comment on function private.caption_key(text) is 'A caption lower-cased, with runs of white space as one space, first 120 characters: what a scheduled post and the published one are compared on.';
