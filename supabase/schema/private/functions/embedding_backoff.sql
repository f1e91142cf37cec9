CREATE OR REPLACE FUNCTION private.embedding_backoff(p_attempts integer, p_jitter double precision DEFAULT random())
 RETURNS interval
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select private.retry_backoff(p_attempts, interval '10 seconds', interval '1 hour', 0.25, p_jitter)
$function$;
comment on function private.embedding_backoff(integer,double precision) is 'Exponential backoff with jitter for embedding retries: 10 s, 20 s, 40 s ... capped at 1 h.';
