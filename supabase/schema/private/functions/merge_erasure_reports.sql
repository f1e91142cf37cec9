CREATE OR REPLACE FUNCTION private.merge_erasure_reports(p_a jsonb, p_b jsonb)
 RETURNS jsonb
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select coalesce(jsonb_object_agg(k, coalesce(p_a -> k, '{}'::jsonb) || coalesce(p_b -> k, '{}'::jsonb)), '{}'::jsonb)
  from (select jsonb_object_keys(coalesce(p_a, '{}')) k union select jsonb_object_keys(coalesce(p_b, '{}'))) keys
$function$;
comment on function private.merge_erasure_reports(jsonb,jsonb) is 'Two erasure reports (table -> column -> action -> count) as one.';
