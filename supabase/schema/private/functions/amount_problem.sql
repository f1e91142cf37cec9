CREATE OR REPLACE FUNCTION private.amount_problem(p_amount jsonb, p_unit text)
 RETURNS text
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO ''
AS $function$
declare
  t text;
begin
  if p_amount is null or p_amount = 'null'::jsonb then
    return null;
  end if;
  t := p_amount #>> '{}';
  if jsonb_typeof(p_amount) not in ('string', 'number') or t !~ '^-?\d{1,21}(\.\d{1,12})?$' then
    return 'must be a decimal number';
  end if;
  if t ~ ('^-?\d{' || (case p_unit when 'major' then 15 when 'minor' then 18 else 21 end + 1) || '}') then
    return 'is too large';
  end if;
  if t ~ '^-' and t::numeric <> 0 then
    return 'must not be negative';
  end if;
  if p_unit in ('minor', 'micros') and t ~ '\.\d*[1-9]' then
    return 'must be a whole number';
  end if;
  return null;
end $function$;
comment on function private.amount_problem(jsonb,text) is 'Checks a provider amount (a JSON string or number) in the unit named (major, minor, micros): null when it is a non-negative decimal number (whole for minor units and micros) that fits its unit, else what is wrong.';
grant execute on function private.amount_problem(jsonb,text) to service_role;
