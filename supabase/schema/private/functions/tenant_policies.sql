CREATE OR REPLACE FUNCTION private.tenant_policies(p_table regclass, p_read public.workspace_role, p_write public.workspace_role, p_delete public.workspace_role DEFAULT NULL::public.workspace_role)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  perform private.tenant_policy(p_table, 'select', p_read);
  perform private.tenant_policy(p_table, 'insert', p_write);
  perform private.tenant_policy(p_table, 'update', p_write);
  perform private.tenant_policy(p_table, 'delete', coalesce(p_delete, p_write));
end $function$;
comment on function private.tenant_policies(regclass,public.workspace_role,public.workspace_role,public.workspace_role) is 'Migration helper: the four standard tenant policies of a table (see private.tenant_policy).';
