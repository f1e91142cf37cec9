CREATE OR REPLACE FUNCTION private.conditions_problem(p_conditions jsonb)
 RETURNS text
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO ''
AS $function$
declare
  c jsonb;
  i integer := 0;
  op text;
  k text;
begin
  if p_conditions is null then
    return 'is required (use [] to match everything)';
  end if;
  if jsonb_typeof(p_conditions) <> 'array' then
    return 'must be a JSON array of conditions';
  end if;
  if jsonb_array_length(p_conditions) > 20 then
    return 'at most 20 conditions';
  end if;
  for c in select e.value from jsonb_array_elements(p_conditions) e loop
    if jsonb_typeof(c) <> 'object' then
      return format('[%s]: must be an object with field, op and value', i);
    end if;
    for k in select jsonb_object_keys(c) loop
      if k not in ('field', 'op', 'value') then
        return format('[%s]: unknown key %s (allowed: field, op, value)', i, k);
      end if;
    end loop;
    if jsonb_typeof(c -> 'field') is distinct from 'string'
       or c ->> 'field' !~ '^[a-z_][a-z0-9_]{0,62}(\.[a-z0-9_]{1,63}){0,4}$' then
      return format('[%s].field: must be a dotted path of lowercase names, e.g. data.url', i);
    end if;
    op := c ->> 'op';
    if jsonb_typeof(c -> 'op') is distinct from 'string'
       or op not in ('eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'contains', 'exists', 'not_exists') then
      return format('[%s].op: must be one of eq, neq, gt, gte, lt, lte, in, not_in, contains, exists, not_exists', i);
    end if;
    if op in ('exists', 'not_exists') then
      if c ? 'value' then
        return format('[%s].value: %s takes no value', i, op);
      end if;
    elsif not c ? 'value' then
      return format('[%s].value: is required for %s', i, op);
    elsif op in ('gt', 'gte', 'lt', 'lte') and jsonb_typeof(c -> 'value') <> 'number' then
      return format('[%s].value: %s compares numbers; give a number', i, op);
    elsif op in ('in', 'not_in') and (jsonb_typeof(c -> 'value') <> 'array'
                                      or jsonb_array_length(c -> 'value') not between 1 and 100) then
      return format('[%s].value: %s takes an array of 1 to 100 values', i, op);
    elsif op = 'contains' and jsonb_typeof(c -> 'value') not in ('string', 'number', 'boolean') then
      return format('[%s].value: contains takes a string, number or boolean', i);
    end if;
    i := i + 1;
  end loop;
  return null;
end $function$;
comment on function private.conditions_problem(jsonb) is 'Validates a rule condition list (see the migration header for the language); returns the first problem as readable text, or null when valid.';
grant execute on function private.conditions_problem(jsonb) to authenticated;
grant execute on function private.conditions_problem(jsonb) to service_role;
