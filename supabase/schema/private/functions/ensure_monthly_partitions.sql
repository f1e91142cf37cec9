CREATE OR REPLACE FUNCTION private.ensure_monthly_partitions(p_parent regclass, p_from date, p_months integer)
 RETURNS integer
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  parent_name text := (select c.relname from pg_class c where c.oid = p_parent);
  key_column text := (select a.attname from pg_partitioned_table pt
                      join pg_attribute a on a.attrelid = pt.partrelid and a.attnum = pt.partattrs[0]
                      where pt.partrelid = p_parent);
  default_part regclass := (select c.oid::regclass from pg_inherits i join pg_class c on c.oid = i.inhrelid
                            where i.inhparent = p_parent and pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT');
  m timestamp;
  part text;
  moved bigint;
  made integer := 0;
begin
  if p_months is null or p_months < 1 or p_months > 36 then
    raise exception 'between 1 and 36 months at a time' using errcode = '22023';
  end if;
  for i in 0 .. p_months - 1 loop
    m := date_trunc('month', p_from::timestamp) + make_interval(months => i);
    part := parent_name || '_p' || to_char(m, 'YYYYMM');
    continue when to_regclass('private.' || quote_ident(part)) is not null;
    -- Rows of that month already caught by the default partition would block the new partition:
    -- they are set aside and put back through the parent once it exists.
    moved := 0;
    if default_part is not null then
      execute format('create temp table partition_moved on commit drop as
                      with d as (delete from %s where %I >= %L and %I < %L returning *) select * from d',
                     default_part, key_column, (m at time zone 'UTC'), key_column, ((m + interval '1 month') at time zone 'UTC'));
      get diagnostics moved = row_count;
    end if;
    execute format('create table private.%I partition of %s for values from (%L) to (%L)', part, p_parent,
                   (m at time zone 'UTC'), ((m + interval '1 month') at time zone 'UTC'));
    if default_part is not null then
      if moved > 0 then
        execute format('insert into %s overriding system value select * from pg_temp.partition_moved', p_parent);
      end if;
      drop table pg_temp.partition_moved;
    end if;
    execute format('alter table private.%I enable row level security', part);
    execute format('comment on table private.%I is %L', part,
                   format('Partition of %s for %s (UTC). Read and written through the parent only.', p_parent, to_char(m, 'YYYY-MM')));
    made := made + 1;
  end loop;
  return made;
end $function$;
comment on function private.ensure_monthly_partitions(regclass,date,integer) is 'Creates the missing monthly partitions private.<parent>_pYYYYMM for p_months months from p_from''s month (UTC), moving rows the default partition already holds for that month into it; returns how many partitions it made.';
