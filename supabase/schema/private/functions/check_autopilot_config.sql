CREATE OR REPLACE FUNCTION private.check_autopilot_config()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  bad integer;
begin
  if jsonb_typeof(new.goals) is distinct from 'array' or jsonb_array_length(new.goals) > 20 then
    raise exception 'goals: must be an array of at most 20 goals' using errcode = '22023';
  end if;
  select min(g.ordinality - 1) into bad from jsonb_array_elements(new.goals) with ordinality g
  where jsonb_typeof(g.value) <> 'object'
     or coalesce(g.value ->> 'metric', '') not in ('leads', 'revenue_cents', 'roas', 'conversions', 'spend_cents', 'cpa_cents')
     or jsonb_typeof(g.value -> 'target') is distinct from 'number' or (g.value ->> 'target')::numeric < 0
     or coalesce(g.value ->> 'period', '') not in ('weekly', 'monthly', 'quarterly')
     or exists (select 1 from jsonb_object_keys(g.value) k where k not in ('metric', 'target', 'period'));
  if bad is not null then
    raise exception 'goals[%]: needs metric (leads, revenue_cents, roas, conversions, spend_cents, cpa_cents), a target number >= 0 and period (weekly, monthly, quarterly)', bad
      using errcode = '22023';
  end if;
  if (select count(distinct (g.value ->> 'metric', g.value ->> 'period')) from jsonb_array_elements(new.goals) g)
     < jsonb_array_length(new.goals) then
    raise exception 'goals: one goal per metric and period' using errcode = '22023';
  end if;
  return new;
end $function$;
comment on function private.check_autopilot_config() is 'BEFORE INSERT/UPDATE on autopilot_configs: goals shape (22023).';
