CREATE OR REPLACE FUNCTION private.health_service(p_name text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select left(regexp_replace(lower(p_name), '[^a-z0-9_.-]+', '-', 'g'), 64)
$function$;
comment on function private.health_service(text) is 'A health check''s service name from parts (cron.<job>, connection.<provider>.<account>, provider.<name>): lowercase, other characters as -, at most 64.';
