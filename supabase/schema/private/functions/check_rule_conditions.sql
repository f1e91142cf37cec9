CREATE OR REPLACE FUNCTION private.check_rule_conditions()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  problem text := private.conditions_problem(to_jsonb(new) -> 'conditions');
begin
  if problem is not null then
    raise exception 'conditions%', case when problem like '[%' then problem else ': ' || problem end
      using errcode = '22023';
  end if;
  return new;
end $function$;
comment on function private.check_rule_conditions() is 'BEFORE INSERT/UPDATE OF conditions on rule tables: the conditions column must be a valid condition list (22023 naming the condition).';
