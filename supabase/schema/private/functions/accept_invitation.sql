CREATE OR REPLACE FUNCTION private.accept_invitation(p_token text)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  uid uuid := (select auth.uid());
  inv public.workspace_invitations;
begin
  if uid is null then
    raise exception 'sign in to accept an invitation' using errcode = '42501';
  end if;
  select i.* into inv from public.workspace_invitations i
  join private.invitation_tokens t on t.invitation_id = i.id
  where t.token_hash = extensions.digest(p_token, 'sha256')
  for update of i;
  if not found then
    raise exception 'no invitation has this token' using errcode = 'PT404';
  end if;
  if inv.accepted_at is not null then
    raise exception 'this invitation has already been used' using errcode = 'PT409';
  end if;
  if inv.expires_at <= now() then
    raise exception 'this invitation expired on %', to_char(inv.expires_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')
      using errcode = 'PT410', hint = 'ask an admin of the workspace for a new invitation';
  end if;
  if inv.email <> lower(coalesce((select auth.email()), '')) then
    raise exception 'this invitation was sent to another email address' using errcode = '42501';
  end if;
  insert into public.workspace_members (workspace_id, user_id, role)
  values (inv.workspace_id, uid, inv.role)
  on conflict (workspace_id, user_id) do update
    set role = greatest(public.workspace_members.role, excluded.role);
  update public.workspace_invitations set accepted_at = now(), accepted_by = uid where id = inv.id;
  return inv.workspace_id;
end $function$;
comment on function private.accept_invitation(text) is 'Consumes an invitation token for the signed-in user whose email it was sent to; a current higher role is kept.';
grant execute on function private.accept_invitation(text) to authenticated;
