CREATE OR REPLACE FUNCTION private.audit_row()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  old_j jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  new_j jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  row_j jsonb := coalesce(new_j, old_j);
  hidden text[] := coalesce(tg_argv::text[], '{}');
begin
  old_j := old_j - hidden;
  new_j := new_j - hidden;
  if tg_op = 'UPDATE' and old_j = new_j then
    return null;
  end if;
  -- A workspace being deleted takes its history with it (its rows cascade away right after).
  if row_j ? 'workspace_id' and not exists (
    select 1 from public.workspaces w where w.id = (row_j ->> 'workspace_id')::uuid
  ) then
    return null;
  end if;
  insert into public.audit_log (workspace_id, table_name, record_id, action, actor_id, actor_role, old_data, new_data)
  values (
    (row_j ->> 'workspace_id')::uuid,
    tg_table_name,
    coalesce(row_j ->> 'id', concat_ws(':', row_j ->> 'workspace_id', row_j ->> 'user_id')),
    lower(tg_op)::public.audit_action,
    (select auth.uid()),
    coalesce(nullif((select auth.role()), ''), session_user::text),
    old_j,
    new_j
  );
  return null;
end $function$;
comment on function private.audit_row() is 'AFTER row trigger writing public.audit_log; arguments are column names to omit.';
