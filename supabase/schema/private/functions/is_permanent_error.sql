CREATE OR REPLACE FUNCTION private.is_permanent_error(p_sqlstate text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select p_sqlstate in ('22023', '22P02', '23502', '23514', 'PT413')
$function$;
comment on function private.is_permanent_error(text) is 'SQLSTATEs that mean the event itself is wrong (retrying cannot help).';
