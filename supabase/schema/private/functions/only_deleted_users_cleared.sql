CREATE OR REPLACE FUNCTION private.only_deleted_users_cleared(p_old_ids uuid[], p_new_ids uuid[])
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  cleared boolean := false;
begin
  -- Called anywhere but inside a trigger (a user's own update is checked at depth 0), the answer
  -- is false, so it tells nobody whether a user id exists.
  if pg_trigger_depth() = 0 or cardinality(p_old_ids) is distinct from cardinality(p_new_ids) then
    return false;
  end if;
  for i in 1 .. cardinality(p_old_ids) loop
    continue when p_new_ids[i] is not distinct from p_old_ids[i];
    if p_new_ids[i] is not null or exists (select 1 from auth.users u where u.id = p_old_ids[i]) then
      return false;
    end if;
    cleared := true;
  end loop;
  return cleared;
end $function$;
comment on function private.only_deleted_users_cleared(uuid[],uuid[]) is 'Trigger WHEN clauses: true inside a trigger when an update only sets references to deleted users to null (a foreign key''s ON DELETE SET NULL), so history guards let it through.';
grant execute on function private.only_deleted_users_cleared(uuid[],uuid[]) to authenticated;
grant execute on function private.only_deleted_users_cleared(uuid[],uuid[]) to service_role;
