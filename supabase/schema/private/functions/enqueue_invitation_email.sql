CREATE OR REPLACE FUNCTION private.enqueue_invitation_email(p_invitation_id uuid, p_token text)
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  inv public.workspace_invitations;
  ws public.workspaces;
  link text;
begin
  select * into inv from public.workspace_invitations i
  where i.id = p_invitation_id and i.accepted_at is null
    and (not private.is_end_user() or i.workspace_id = any (array(select private.workspace_ids('admin'))))
    and exists (select 1 from private.invitation_tokens t where t.invitation_id = i.id
                and t.token_hash = extensions.digest(p_token, 'sha256'));
  if not found then
    raise exception 'no open invitation % with this token in a workspace you administer', p_invitation_id using errcode = '42501';
  end if;
  select * into ws from public.workspaces where id = inv.workspace_id;
  link := private.app_url() || '/invitations/accept?token=' || p_token;
  return private.enqueue_email(inv.workspace_id, 'invitation', 'invitation:' || inv.id, inv.email,
    'You are invited to ' || ws.name,
    private.email_layout('You are invited to ' || ws.name,
      '<p>You are invited to join <strong>' || private.html_escape(ws.name) || '</strong> as ' || inv.role
      || '. The invitation is valid until ' || to_char(inv.expires_at, 'YYYY-MM-DD') || '.</p><p><a href="'
      || private.html_escape(link) || '">Accept the invitation</a></p>', ws.name),
    'You are invited to join ' || ws.name || ' as ' || inv.role || ': ' || link);
end $function$;
comment on function private.enqueue_invitation_email(uuid,text) is 'Queues an open invitation''s email with its accept link; only for admins of its workspace (or the service) holding the token (42501 otherwise).';
grant execute on function private.enqueue_invitation_email(uuid,text) to authenticated;
grant execute on function private.enqueue_invitation_email(uuid,text) to service_role;
