CREATE OR REPLACE FUNCTION private.keep_customer_rows(p_table regclass, p_note text)
 RETURNS void
 LANGUAGE sql
 SET search_path TO ''
AS $function$
  insert into private.customer_kept_tables (table_name, note) values (p_table, p_note)
  on conflict (table_name) do update set note = excluded.note
$function$;
comment on function private.keep_customer_rows(regclass,text) is 'Migration helper: a customer''s erasure keeps this table''s matched rows, anonymised, rather than deleting them.';
