CREATE OR REPLACE FUNCTION private.register_personal_retention(p_table regclass, p_user_column name, p_time_column name, p_note text)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if not exists (select 1 from pg_attribute a where a.attrelid = p_table and a.attname = p_user_column
                 and a.atttypid = 'uuid'::regtype and not a.attisdropped)
     or not exists (select 1 from pg_attribute a where a.attrelid = p_table and a.attname = p_time_column
                    and a.atttypid in ('timestamptz'::regtype, 'timestamp'::regtype, 'date'::regtype) and not a.attisdropped) then
    raise exception 'register_personal_retention: % needs a uuid column % and a time column %', p_table, p_user_column, p_time_column;
  end if;
  insert into private.personal_data_retention (table_name, user_column, time_column, note)
  values (p_table, p_user_column, p_time_column, p_note)
  on conflict (table_name) do update set user_column = excluded.user_column, time_column = excluded.time_column, note = excluded.note;
end $function$;
comment on function private.register_personal_retention(regclass,name,name,text) is 'Migration helper: rows of p_table whose p_user_column names a user are purged once p_time_column is older than the user''s data_retention_days (default 730).';
