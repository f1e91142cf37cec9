CREATE OR REPLACE FUNCTION private.accept_ownership(p_workspace_id uuid)
 RETURNS public.workspace_members
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  me uuid := (select auth.uid());
  t public.workspace_ownership_transfers;
  m public.workspace_members;
begin
  select * into t from public.workspace_ownership_transfers x
  where x.workspace_id = p_workspace_id and x.to_user_id = me for update;
  if not found then
    raise exception 'no ownership transfer is offered to you in this workspace' using errcode = 'PT404';
  end if;
  if t.expires_at <= now() then
    raise exception 'this ownership offer expired' using errcode = 'PT410', hint = 'ask the owner to offer it again';
  end if;
  if not exists (select 1 from public.workspace_members o
                 where o.workspace_id = p_workspace_id and o.user_id = t.from_user_id and o.role = 'owner') then
    raise exception 'the member who offered ownership is no longer an owner' using errcode = 'PT409';
  end if;
  update public.workspace_members x set role = 'owner' where x.workspace_id = p_workspace_id and x.user_id = me
  returning * into m;
  if not found then
    raise exception 'you are no longer a member of this workspace' using errcode = 'PT409';
  end if;
  update public.workspace_members x set role = 'admin' where x.workspace_id = p_workspace_id and x.user_id = t.from_user_id;
  delete from public.workspace_ownership_transfers x where x.workspace_id = p_workspace_id;
  return m;
end $function$;
comment on function private.accept_ownership(uuid) is 'Definer half of accept_workspace_ownership: the recipient of a pending offer becomes owner, the offering owner admin.';
grant execute on function private.accept_ownership(uuid) to authenticated;
