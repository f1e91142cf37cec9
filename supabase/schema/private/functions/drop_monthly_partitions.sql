CREATE OR REPLACE FUNCTION private.drop_monthly_partitions(p_parent regclass, p_before timestamp with time zone)
 RETURNS integer
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  parent_name text := (select c.relname from pg_class c where c.oid = p_parent);
  part record;
  dropped integer := 0;
begin
  for part in
    select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = p_parent and c.relname ~ ('^' || parent_name || '_p\d{6}$')
      and ((to_date(right(c.relname, 6), 'YYYYMM') + interval '1 month')::timestamp at time zone 'UTC') <= p_before
  loop
    execute format('drop table private.%I', part.relname);
    dropped := dropped + 1;
  end loop;
  return dropped;
end $function$;
comment on function private.drop_monthly_partitions(regclass,timestamp with time zone) is 'Drops the monthly partitions of p_parent whose range ends on or before p_before; returns how many.';
