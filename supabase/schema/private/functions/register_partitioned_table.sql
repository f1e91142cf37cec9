CREATE OR REPLACE FUNCTION private.register_partitioned_table(p_parent regclass, p_retention_months integer, p_premake_months integer DEFAULT 3)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  default_name text := (select c.relname from pg_class c where c.oid = p_parent) || '_default';
begin
  insert into private.partitioned_tables (parent, retention_months, premake_months)
  values (p_parent, p_retention_months, p_premake_months)
  on conflict on constraint partitioned_tables_pkey do update
    set retention_months = excluded.retention_months, premake_months = excluded.premake_months;
  if to_regclass(format('private.%I', default_name)) is null then
    execute format('create table private.%I partition of %s default', default_name, p_parent);
    execute format('alter table private.%I enable row level security', default_name);
    execute format('comment on table private.%I is %L', default_name,
                   format('Catch-all partition of %s for rows outside the monthly partitions made so far.', p_parent));
  end if;
  perform private.maintain_partitions(current_date, p_parent);
end $function$;
comment on function private.register_partitioned_table(regclass,integer,integer) is 'Migration helper: registers a parent partitioned by month, creates its default partition and its monthly partitions for the retention window and ahead.';
