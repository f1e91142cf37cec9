CREATE OR REPLACE FUNCTION private.workspace_folders(p_min_role public.workspace_role)
 RETURNS SETOF text
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return query select w::text from private.workspace_ids(p_min_role) w;
end $function$;
comment on function private.workspace_folders(public.workspace_role) is 'The caller''s workspace ids with at least min_role, as the text a storage path starts with.';
grant execute on function private.workspace_folders(public.workspace_role) to authenticated;
