CREATE OR REPLACE FUNCTION private.experiment_bucket(p_key text, p_visitor_id text)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
  select (get_byte(d, 0)::bigint * 16777216 + get_byte(d, 1) * 65536 + get_byte(d, 2) * 256 + get_byte(d, 3))::numeric
         / 4294967296
  from (select extensions.digest(convert_to(p_key || ':' || p_visitor_id, 'UTF8'), 'sha256') as d) h
$function$;
comment on function private.experiment_bucket(text,text) is 'The visitor''s position in [0, 1) for an experiment: the first 4 bytes of sha256(key || '':'' || visitor_id) over 2^32.';
grant execute on function private.experiment_bucket(text,text) to authenticated;
grant execute on function private.experiment_bucket(text,text) to service_role;
