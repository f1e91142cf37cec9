CREATE OR REPLACE FUNCTION private.guard_decision_actor()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if private.is_end_user() then
    new.actor_kind := 'user';
    new.actor_id := (select auth.uid());
  end if;
  return new;
end $function$;
comment on function private.guard_decision_actor() is 'BEFORE INSERT on decision_log: a signed-in user always records as themselves.';
