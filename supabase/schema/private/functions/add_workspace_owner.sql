CREATE OR REPLACE FUNCTION private.add_workspace_owner()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if new.created_by is not null then
    insert into public.workspace_members (workspace_id, user_id, role) values (new.id, new.created_by, 'owner');
  end if;
  return null;
end $function$;
comment on function private.add_workspace_owner() is 'AFTER INSERT trigger on workspaces: the creator becomes owner.';
