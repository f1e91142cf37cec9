CREATE OR REPLACE FUNCTION private.tenant_policy(p_table regclass, p_command text, p_role public.workspace_role)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  cond text := format('workspace_id = any (array(select private.workspace_ids(%L)))', p_role);
begin
  case p_command
    when 'select' then
      execute format('create policy %I on %s for select to authenticated using (%s)', p_role || 's read', p_table, cond);
    when 'insert' then
      execute format('create policy %I on %s for insert to authenticated with check (%s)', p_role || 's add', p_table, cond);
    when 'update' then
      execute format('create policy %I on %s for update to authenticated using (%s) with check (%s)',
                     p_role || 's change', p_table, cond, cond);
    when 'delete' then
      execute format('create policy %I on %s for delete to authenticated using (%s)', p_role || 's remove', p_table, cond);
    else
      raise exception 'tenant_policy: % is not select, insert, update or delete', p_command;
  end case;
end $function$;
comment on function private.tenant_policy(regclass,text,public.workspace_role) is 'Migration helper: the standard tenant policy of one command (select, insert, update, delete) for callers with at least p_role in the row''s workspace.';
