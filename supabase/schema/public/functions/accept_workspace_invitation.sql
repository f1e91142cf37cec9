CREATE OR REPLACE FUNCTION public.accept_workspace_invitation(p_token text)
 RETURNS uuid
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_token is null or p_token !~ '^[0-9a-f]{64}$' then
    raise exception 'an invitation token is 64 hexadecimal characters' using errcode = '22023';
  end if;
  return private.accept_invitation(p_token);
end $function$;
comment on function public.accept_workspace_invitation(text) is 'Joins the workspace an invitation token was sent for; returns its id.';
grant execute on function public.accept_workspace_invitation(text) to authenticated;
grant execute on function public.accept_workspace_invitation(text) to service_role;
