CREATE OR REPLACE FUNCTION private.retry_backoff(p_attempts integer, p_base interval, p_cap interval, p_spread double precision, p_jitter double precision DEFAULT random())
 RETURNS interval
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select make_interval(secs => least(extract(epoch from p_base) * power(2, greatest(p_attempts, 1) - 1),
                                     extract(epoch from p_cap))
                               * (1 - p_spread + 2 * p_spread * p_jitter))
$function$;
comment on function private.retry_backoff(integer,interval,interval,double precision,double precision) is 'Exponential backoff with jitter before attempt n+1 after n failures: p_base x 2^(n-1), at most p_cap, times a factor spread evenly over [1 - p_spread, 1 + p_spread] by p_jitter (0-1, random by default). Every queue''s retries use it.';
grant execute on function private.retry_backoff(integer,interval,interval,double precision,double precision) to service_role;
