CREATE OR REPLACE FUNCTION public.transfer_workspace_ownership(p_workspace_id uuid, p_new_owner uuid)
 RETURNS public.workspace_ownership_transfers
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_workspace_id is null or p_new_owner is null then
    raise exception 'workspace and new owner are required' using errcode = '22023';
  end if;
  if p_new_owner = (select auth.uid()) then
    raise exception 'you already own this workspace' using errcode = '22023';
  end if;
  return private.offer_ownership(p_workspace_id, p_new_owner);
end $function$;
comment on function public.transfer_workspace_ownership(uuid,uuid) is 'Owner only: offers the workspace''s ownership to a member; nothing changes until they accept with accept_workspace_ownership (7 days). Returns the pending transfer. 22023 missing or self, 42501 not an owner, PT404 not a member.';
grant execute on function public.transfer_workspace_ownership(uuid,uuid) to authenticated;
grant execute on function public.transfer_workspace_ownership(uuid,uuid) to service_role;
