CREATE OR REPLACE FUNCTION private.store_invitation_token(p_invitation_id uuid, p_token_hash bytea)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if not exists (select 1 from public.workspace_invitations i
                 where i.id = p_invitation_id and i.accepted_at is null
                   and ((select auth.role()) = 'service_role'
                        or i.workspace_id = any (array(select private.workspace_ids('admin'))))) then
    raise exception 'no open invitation % in a workspace you administer', p_invitation_id using errcode = '42501';
  end if;
  insert into private.invitation_tokens (invitation_id, token_hash) values (p_invitation_id, p_token_hash);
end $function$;
comment on function private.store_invitation_token(uuid,bytea) is 'Keeps the SHA-256 of a new invitation''s token; only for admins of its workspace.';
grant execute on function private.store_invitation_token(uuid,bytea) to authenticated;
grant execute on function private.store_invitation_token(uuid,bytea) to service_role;
