CREATE OR REPLACE FUNCTION private.insert_invitation(p_workspace_id uuid, p_email text, p_role public.workspace_role)
 RETURNS public.workspace_invitations
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  inv public.workspace_invitations;
begin
  if (select auth.role()) <> 'service_role' and not (p_workspace_id = any (array(select private.workspace_ids('admin')))) then
    raise exception 'you need the admin role in this workspace' using errcode = '42501';
  end if;
  insert into public.workspace_invitations (workspace_id, email, role) values (p_workspace_id, p_email, p_role)
  returning * into inv;
  return inv;
end $function$;
comment on function private.insert_invitation(uuid,text,public.workspace_role) is 'Inserts an invitation for an admin of the workspace (guard_invitation checks the role offered).';
grant execute on function private.insert_invitation(uuid,text,public.workspace_role) to authenticated;
grant execute on function private.insert_invitation(uuid,text,public.workspace_role) to service_role;
