CREATE OR REPLACE FUNCTION private.check_feature_tour()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  bad integer;
begin
  if tg_op = 'UPDATE' and new.user_id <> old.user_id then
    raise exception 'user_id cannot change once a row exists' using errcode = '42501';
  end if;
  if jsonb_typeof(new.steps) is distinct from 'array' or jsonb_array_length(new.steps) not between 1 and 50 then
    raise exception 'steps: give 1 to 50 steps' using errcode = '22023';
  end if;
  select min(s.ordinality - 1) into bad from jsonb_array_elements(new.steps) with ordinality s
  where jsonb_typeof(s.value) <> 'object' or not private.is_text(s.value -> 'title', 200)
     or not private.is_text(s.value -> 'body', 2000)
     or (s.value ? 'target' and not private.is_text(s.value -> 'target', 500))
     or exists (select 1 from jsonb_object_keys(s.value) k where k not in ('title', 'body', 'target'));
  if bad is not null then
    raise exception 'steps[%]: needs a title (up to 200 characters) and a body (up to 2000), optionally a target', bad
      using errcode = '22023';
  end if;
  if new.current_step >= jsonb_array_length(new.steps) then
    raise exception 'current_step: the tour has % steps (0 to %)', jsonb_array_length(new.steps),
      jsonb_array_length(new.steps) - 1 using errcode = '22023';
  end if;
  if new.status = 'completed' and (tg_op = 'INSERT' or old.status <> 'completed') then
    new.completed_at := now();
  end if;
  if new.status = 'dismissed' and (tg_op = 'INSERT' or old.status <> 'dismissed') then
    new.dismissed_at := now();
  end if;
  return new;
end $function$;
comment on function private.check_feature_tour() is 'BEFORE INSERT/UPDATE on feature_tours: user_id fixed, steps shape and current_step in range (22023), completed_at/dismissed_at.';
