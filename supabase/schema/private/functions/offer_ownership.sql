CREATE OR REPLACE FUNCTION private.offer_ownership(p_workspace_id uuid, p_to_user_id uuid)
 RETURNS public.workspace_ownership_transfers
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  me uuid := (select auth.uid());
  r public.workspace_ownership_transfers;
begin
  perform private.require_workspace_role(p_workspace_id, 'owner');
  if not exists (select 1 from public.workspace_members m where m.workspace_id = p_workspace_id and m.user_id = p_to_user_id) then
    raise exception 'the new owner must already be a member of this workspace' using errcode = 'PT404';
  end if;
  if exists (select 1 from public.workspace_members m
             where m.workspace_id = p_workspace_id and m.user_id = p_to_user_id and m.role = 'owner') then
    raise exception 'this member is already an owner' using errcode = '22023';
  end if;
  insert into public.workspace_ownership_transfers as t (workspace_id, from_user_id, to_user_id)
  values (p_workspace_id, me, p_to_user_id)
  on conflict (workspace_id) do update
    set from_user_id = excluded.from_user_id, to_user_id = excluded.to_user_id, expires_at = excluded.expires_at
  returning * into r;
  return r;
end $function$;
comment on function private.offer_ownership(uuid,uuid) is 'Definer half of transfer_workspace_ownership: an owner''s pending offer to a member (replacing an earlier offer of the workspace).';
grant execute on function private.offer_ownership(uuid,uuid) to authenticated;
