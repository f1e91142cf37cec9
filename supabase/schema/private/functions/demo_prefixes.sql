CREATE OR REPLACE FUNCTION private.demo_prefixes(p_min_role public.workspace_role)
 RETURNS SETOF text
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return query
    select d.workspace_id::text || '/' || d.id::text from public.demos d
    where d.workspace_id in (select private.workspace_ids(p_min_role));
end $function$;
comment on function private.demo_prefixes(public.workspace_role) is 'Storage folder prefixes (<workspace_id>/<demo_id>) of the demos in the caller''s workspaces where they have min_role.';
grant execute on function private.demo_prefixes(public.workspace_role) to authenticated;
