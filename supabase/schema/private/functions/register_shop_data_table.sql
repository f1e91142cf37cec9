CREATE OR REPLACE FUNCTION private.register_shop_data_table(p_table regclass, p_position integer, p_note text)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if not exists (select 1 from pg_attribute a where a.attrelid = p_table and a.attname = 'workspace_id' and not a.attisdropped) then
    raise exception 'register_shop_data_table: % has no workspace_id', p_table;
  end if;
  insert into private.shop_data_tables (table_name, position, note) values (p_table, p_position, p_note)
  on conflict (table_name) do update set position = excluded.position, note = excluded.note;
end $function$;
comment on function private.register_shop_data_table(regclass,integer,text) is 'Migration helper: shop/redact will delete this table''s rows of the redacted workspace (lower positions first).';
