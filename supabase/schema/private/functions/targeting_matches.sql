CREATE OR REPLACE FUNCTION private.targeting_matches(p_rules jsonb, p_context jsonb)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
  select coalesce(bool_and(
    case r.value ->> 'op'
      when 'exists' then coalesce(jsonb_typeof(v.x), 'null') <> 'null'
      when 'not_exists' then coalesce(jsonb_typeof(v.x), 'null') = 'null'
      when 'eq' then coalesce(v.x = r.value -> 'value', false)
      when 'neq' then coalesce(v.x <> r.value -> 'value', true)
      when 'in' then coalesce(r.value -> 'value' @> jsonb_build_array(v.x), false)
      when 'not_in' then not coalesce(r.value -> 'value' @> jsonb_build_array(v.x), false)
      when 'contains' then case jsonb_typeof(v.x)
        when 'string' then strpos(lower(v.x #>> '{}'), lower(r.value ->> 'value')) > 0
        when 'array' then v.x @> jsonb_build_array(r.value -> 'value')
        else false end
      else case when jsonb_typeof(v.x) = 'number' then case r.value ->> 'op'
        when 'gt' then (v.x #>> '{}')::numeric > (r.value ->> 'value')::numeric
        when 'gte' then (v.x #>> '{}')::numeric >= (r.value ->> 'value')::numeric
        when 'lt' then (v.x #>> '{}')::numeric < (r.value ->> 'value')::numeric
        when 'lte' then (v.x #>> '{}')::numeric <= (r.value ->> 'value')::numeric
        else false end else false end
    end), true)
  from jsonb_array_elements(p_rules) r
  cross join lateral (select coalesce(p_context, '{}') #> string_to_array(r.value ->> 'field', '.') as x) v
$function$;
comment on function private.targeting_matches(jsonb,jsonb) is 'True when every (validated) targeting condition holds for the context; [] matches everyone; a missing field fails every op except neq, not_in and not_exists.';
grant execute on function private.targeting_matches(jsonb,jsonb) to authenticated;
grant execute on function private.targeting_matches(jsonb,jsonb) to service_role;
