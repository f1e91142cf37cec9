CREATE OR REPLACE FUNCTION public.create_workspace_invitation(p_workspace_id uuid, p_email text, p_role public.workspace_role DEFAULT 'member'::public.workspace_role)
 RETURNS TABLE(invitation_id uuid, token text, expires_at timestamp with time zone)
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  t text := encode(extensions.gen_random_bytes(32), 'hex');
  inv public.workspace_invitations;
begin
  if p_email is null or btrim(p_email) !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise exception 'email is not a valid address' using errcode = '22023';
  end if;
  perform private.require_workspace_role(p_workspace_id, 'admin');
  if exists (select 1 from public.workspace_invitations i
             where i.workspace_id = p_workspace_id and i.email = lower(btrim(p_email)) and i.accepted_at is null) then
    raise exception '% already has an open invitation to this workspace', lower(btrim(p_email))
      using errcode = 'PT409', hint = 'withdraw it (delete the invitation) to send a new one';
  end if;
  select * into inv from private.insert_invitation(p_workspace_id, lower(btrim(p_email)), p_role);
  perform private.store_invitation_token(inv.id, extensions.digest(t, 'sha256'));
  perform private.enqueue_invitation_email(inv.id, t);
  return query select inv.id, t, inv.expires_at;
end $function$;
comment on function public.create_workspace_invitation(uuid,text,public.workspace_role) is 'Admin only: invites an email and queues the invitation email with its accept link; returns the token once (only its hash is stored).';
grant execute on function public.create_workspace_invitation(uuid,text,public.workspace_role) to authenticated;
grant execute on function public.create_workspace_invitation(uuid,text,public.workspace_role) to service_role;
