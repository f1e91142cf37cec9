CREATE OR REPLACE FUNCTION private.conditions_match(p_conditions jsonb, p_subject jsonb)
 RETURNS boolean
 LANGUAGE plpgsql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
declare
  c jsonb;
  v jsonb;
  want jsonb;
  op text;
  t text;
begin
  if p_conditions is null or jsonb_array_length(p_conditions) = 0 then
    return true;
  end if;
  for i in 0 .. jsonb_array_length(p_conditions) - 1 loop
    c := p_conditions -> i;
    v := p_subject #> string_to_array(c ->> 'field', '.');
    t := coalesce(jsonb_typeof(v), 'null');
    op := c ->> 'op';
    want := c -> 'value';
    if op = 'exists' then
      if t = 'null' then return false; end if;
    elsif op = 'not_exists' then
      if t <> 'null' then return false; end if;
    elsif op = 'eq' then
      if v is null or v <> want then return false; end if;
    elsif op = 'neq' then
      if v = want then return false; end if;
    elsif op = 'in' then
      if v is null or not want @> jsonb_build_array(v) then return false; end if;
    elsif op = 'not_in' then
      if v is not null and want @> jsonb_build_array(v) then return false; end if;
    elsif op = 'contains' then
      if t = 'string' then
        if strpos(lower(v #>> '{}'), lower(want #>> '{}')) = 0 then return false; end if;
      elsif t = 'array' then
        if not v @> jsonb_build_array(want) then return false; end if;
      else
        return false;
      end if;
    elsif t <> 'number' then
      return false; -- gt, gte, lt, lte compare numbers only
    elsif op = 'gt' then
      if not (v #>> '{}')::numeric > (want #>> '{}')::numeric then return false; end if;
    elsif op = 'gte' then
      if not (v #>> '{}')::numeric >= (want #>> '{}')::numeric then return false; end if;
    elsif op = 'lt' then
      if not (v #>> '{}')::numeric < (want #>> '{}')::numeric then return false; end if;
    elsif op = 'lte' then
      if not (v #>> '{}')::numeric <= (want #>> '{}')::numeric then return false; end if;
    else
      return false;
    end if;
  end loop;
  return true;
end $function$;
comment on function private.conditions_match(jsonb,jsonb) is 'True when every condition of a validated list holds for the subject; an empty list matches everything. A missing field (or JSON null) fails every operator except neq, not_in and not_exists.';
grant execute on function private.conditions_match(jsonb,jsonb) to authenticated;
grant execute on function private.conditions_match(jsonb,jsonb) to service_role;
