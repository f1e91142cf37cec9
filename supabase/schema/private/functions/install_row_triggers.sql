CREATE OR REPLACE FUNCTION private.install_row_triggers(p_table regclass)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  cols text[];
begin
  select array_agg(a.attname::text order by a.attnum) into cols
  from pg_attribute a
  where a.attrelid = p_table and not a.attisdropped and a.attnum > 0
    and a.attname in ('workspace_id', 'created_at', 'created_by', 'updated_at');
  if not (cols && array['workspace_id', 'updated_at']) then
    raise exception 'install_row_triggers: % has neither workspace_id nor updated_at', p_table;
  end if;
  if 'updated_at' = any (cols) then
    execute format('create trigger set_updated_at before update on %s for each row execute function private.set_updated_at()',
                   p_table);
  end if;
  if 'workspace_id' = any (cols) then
    cols := array_remove(cols, 'updated_at');
    execute format(
      'create trigger keep_tenant_keys before update of %s on %s for each row execute function private.keep_tenant_keys(%s)',
      (select string_agg(quote_ident(c), ', ') from unnest(cols) c), p_table,
      (select string_agg(quote_literal(c), ', ') from unnest(cols) c));
  end if;
end $function$;
comment on function private.install_row_triggers(regclass) is 'Migration helper: installs set_updated_at (a table with updated_at) and the keep_tenant_keys guard (a table with workspace_id).';
