CREATE OR REPLACE FUNCTION private.check_conversion_destination()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  p public.integration_provider;
begin
  if private.is_end_user() then
    perform private.require_workspace_role(new.workspace_id, 'admin');  -- before saying anything about connections
  end if;
  select c.provider into p from public.integration_connections c where c.id = new.connection_id and c.workspace_id = new.workspace_id;
  if not found then
    raise exception 'connection % is not one of this workspace''s', new.connection_id using errcode = '22023';
  elsif p is distinct from new.destination::text::public.integration_provider then
    raise exception 'a % destination sends with the workspace''s % connection', new.destination, new.destination
      using errcode = '22023';
  end if;
  return new;
end $function$;
comment on function private.check_conversion_destination() is 'BEFORE INSERT/UPDATE on conversion_destinations: an admin''s (42501 otherwise), and the credential is the workspace''s own connection of the same platform (22023).';
