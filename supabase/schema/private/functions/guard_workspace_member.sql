CREATE OR REPLACE FUNCTION private.guard_workspace_member()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  actor uuid := (select auth.uid());
  signed_in boolean := actor is not null and private.is_end_user();
  actor_role public.workspace_role;
  target public.workspace_members := case when tg_op = 'DELETE' then old else new end;
begin
  if tg_op = 'UPDATE' and (new.workspace_id <> old.workspace_id or new.user_id <> old.user_id) then
    raise exception 'a membership''s workspace and user cannot change' using errcode = '42501';
  end if;

  -- Checks on the actor apply to signed-in users; service_role and migrations act for the system.
  -- A workspace being deleted takes its memberships with it.
  if tg_op = 'DELETE' and not exists (select 1 from public.workspaces w where w.id = old.workspace_id) then
    return old;
  end if;
  -- The creator's first membership (private.add_workspace_owner) is how a workspace starts.
  if tg_op = 'INSERT' and new.user_id = actor and new.role = 'owner'
     and exists (select 1 from public.workspaces w where w.id = new.workspace_id and w.created_by = actor)
     and not exists (select 1 from public.workspace_members m where m.workspace_id = new.workspace_id) then
    return new;
  end if;
  -- Accepting an open invitation (private.accept_invitation) grants at most the invited role.
  if tg_op in ('INSERT', 'UPDATE') and new.user_id = actor and new.role <> 'owner'
     and (tg_op = 'INSERT' or new.role > old.role)
     and exists (select 1 from public.workspace_invitations i
                 where i.workspace_id = new.workspace_id and i.email = lower((select auth.email()))
                   and i.accepted_at is null and i.expires_at > now() and i.role >= new.role) then
    return new;
  end if;
  -- Accepting a pending ownership transfer (private.accept_ownership) makes the recipient owner.
  if tg_op = 'UPDATE' and new.user_id = actor and new.role = 'owner' and old.role <> 'owner'
     and exists (select 1 from public.workspace_ownership_transfers t
                 where t.workspace_id = new.workspace_id and t.to_user_id = actor and t.expires_at > now()) then
    return new;
  end if;

  if signed_in then
    if tg_op = 'INSERT' then
      raise exception 'nobody adds a member directly: invite them (create_workspace_invitation) and they join by accepting'
        using errcode = '42501';
    end if;
    actor_role := (select m.role from public.workspace_members m
                   where m.workspace_id = target.workspace_id and m.user_id = actor);
    if tg_op = 'UPDATE' and new.user_id = actor and new.role > old.role then
      raise exception 'you cannot raise your own role' using errcode = '42501';
    end if;
    if tg_op = 'UPDATE' and new.role = 'owner' and old.role <> 'owner' then
      raise exception 'ownership passes only when the member accepts it: offer it with transfer_workspace_ownership'
        using errcode = '42501';
    end if;
    if tg_op = 'UPDATE' and (actor_role is null or new.role > actor_role) then
      raise exception 'you cannot grant the % role', new.role using errcode = '42501';
    end if;
    if tg_op in ('UPDATE', 'DELETE') and old.user_id <> actor and (actor_role is null or old.role > actor_role) then
      raise exception 'you cannot change a member whose role is above yours' using errcode = '42501';
    end if;
  end if;

  if tg_op in ('UPDATE', 'DELETE') and old.role = 'owner'
     and (tg_op = 'DELETE' or new.role <> 'owner')
     and not exists (select 1 from public.workspace_members m
                     where m.workspace_id = old.workspace_id and m.role = 'owner' and m.user_id <> old.user_id) then
    raise exception 'a workspace must keep at least one owner; transfer ownership or delete the workspace'
      using errcode = '23514';
  end if;
  return target;
end $function$;
comment on function private.guard_workspace_member() is 'BEFORE INSERT/UPDATE/DELETE on workspace_members: a signed-in user creates a membership only as the creator of a new workspace or by accepting an invitation (at most its role), becomes owner only by accepting a pending transfer, never raises their own role or grants above it, never changes a member above them; the last owner stays. Service role and migrations are not signed-in actors.';
