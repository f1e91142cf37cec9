CREATE OR REPLACE FUNCTION public.transfer_workspace_ownership(p_workspace_id uuid, p_new_owner uuid)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_workspace_id is null or p_new_owner is null then
    raise exception 'workspace and new owner are required' using errcode = '22023';
  end if;
  perform private.require_workspace_role(p_workspace_id, 'owner');
  if p_new_owner = (select auth.uid()) then
    raise exception 'you already own this workspace' using errcode = '22023';
  end if;
  update public.workspace_members set role = 'owner'
  where workspace_id = p_workspace_id and user_id = p_new_owner;
  if not found then
    raise exception 'the new owner must already be a member of this workspace' using errcode = 'PT404';
  end if;
  update public.workspace_members set role = 'admin'
  where workspace_id = p_workspace_id and user_id = (select auth.uid());
end $function$;
comment on function public.transfer_workspace_ownership(uuid,uuid) is 'Owner only: makes a member the owner and the caller an admin.';
grant execute on function public.transfer_workspace_ownership(uuid,uuid) to authenticated;
grant execute on function public.transfer_workspace_ownership(uuid,uuid) to service_role;
