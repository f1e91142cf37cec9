CREATE OR REPLACE FUNCTION private.guard_invitation()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  actor_role public.workspace_role;
begin
  if private.is_end_user() then
    actor_role := (select m.role from public.workspace_members m
                   where m.workspace_id = new.workspace_id and m.user_id = (select auth.uid()));
    if actor_role is null or new.role > actor_role then
      raise exception 'you cannot invite with the % role', new.role using errcode = '42501';
    end if;
    new.invited_by := (select auth.uid());
  end if;
  return new;
end $function$;
comment on function private.guard_invitation() is 'BEFORE INSERT trigger: an inviter cannot offer a role above their own; invited_by is the caller.';
