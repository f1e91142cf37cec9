CREATE OR REPLACE FUNCTION public.accept_workspace_ownership(p_workspace_id uuid)
 RETURNS public.workspace_members
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  return private.accept_ownership(p_workspace_id);
end $function$;
comment on function public.accept_workspace_ownership(uuid) is 'The member offered ownership accepts: they become owner and the offering owner becomes admin. Returns the caller''s membership. PT404 no offer to the caller, PT410 expired, PT409 the offering member is no longer an owner or the caller no longer a member.';
grant execute on function public.accept_workspace_ownership(uuid) to authenticated;
grant execute on function public.accept_workspace_ownership(uuid) to service_role;
