CREATE OR REPLACE FUNCTION private.webhook_backoff(p_attempts integer, p_jitter double precision DEFAULT random())
 RETURNS interval
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select private.retry_backoff(p_attempts, interval '30 seconds', interval '6 hours', 0.5, p_jitter)
$function$;
comment on function private.webhook_backoff(integer,double precision) is 'Exponential backoff with jitter for outbound webhook retries.';
grant execute on function private.webhook_backoff(integer,double precision) to service_role;
