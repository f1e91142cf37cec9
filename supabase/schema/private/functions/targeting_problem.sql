CREATE OR REPLACE FUNCTION private.targeting_problem(p_rules jsonb)
 RETURNS text
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO ''
AS $function$
declare
  c jsonb;
  i integer := 0;
  op text;
begin
  if p_rules is null or jsonb_typeof(p_rules) <> 'array' then
    return 'must be a JSON array of conditions ([] targets everyone)';
  end if;
  if jsonb_array_length(p_rules) > 20 then
    return 'at most 20 conditions';
  end if;
  for c in select e.value from jsonb_array_elements(p_rules) e loop
    if jsonb_typeof(c) <> 'object' or exists (select 1 from jsonb_object_keys(c) k where k not in ('field', 'op', 'value')) then
      return format('[%s]: must be an object with field, op and value', i);
    end if;
    if jsonb_typeof(c -> 'field') is distinct from 'string'
       or c ->> 'field' !~ '^[a-z_][a-z0-9_]{0,62}(\.[a-z0-9_]{1,63}){0,4}$' then
      return format('[%s].field: must be a dotted path of lowercase names, e.g. device.type', i);
    end if;
    op := c ->> 'op';
    if op is null or op not in ('eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'contains', 'exists', 'not_exists') then
      return format('[%s].op: must be one of eq, neq, gt, gte, lt, lte, in, not_in, contains, exists, not_exists', i);
    end if;
    if op in ('exists', 'not_exists') and c ? 'value' then
      return format('[%s].value: %s takes no value', i, op);
    elsif op not in ('exists', 'not_exists') and not c ? 'value' then
      return format('[%s].value: is required for %s', i, op);
    elsif op in ('gt', 'gte', 'lt', 'lte') and jsonb_typeof(c -> 'value') <> 'number' then
      return format('[%s].value: %s compares numbers; give a number', i, op);
    elsif op in ('in', 'not_in') and (jsonb_typeof(c -> 'value') <> 'array' or jsonb_array_length(c -> 'value') not between 1 and 100) then
      return format('[%s].value: %s takes an array of 1 to 100 values', i, op);
    end if;
    i := i + 1;
  end loop;
  return null;
end $function$;
comment on function private.targeting_problem(jsonb) is 'Validates experiment targeting rules; the first problem as readable text, or null.';
grant execute on function private.targeting_problem(jsonb) to authenticated;
grant execute on function private.targeting_problem(jsonb) to service_role;
