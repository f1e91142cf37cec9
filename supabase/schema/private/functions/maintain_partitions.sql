CREATE OR REPLACE FUNCTION private.maintain_partitions(p_today date DEFAULT CURRENT_DATE, p_only regclass DEFAULT NULL::regclass)
 RETURNS TABLE(parent regclass, created integer, dropped integer)
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  t private.partitioned_tables;
  first_kept date;
begin
  for t in select * from private.partitioned_tables pt where p_only is null or pt.parent = p_only order by pt.parent::text loop
    first_kept := (date_trunc('month', p_today) - make_interval(months => t.retention_months))::date;
    parent := t.parent;
    created := private.ensure_monthly_partitions(t.parent, first_kept, t.retention_months + t.premake_months + 1);
    dropped := private.drop_monthly_partitions(t.parent, first_kept::timestamp at time zone 'UTC');
    return next;
  end loop;
end $function$;
comment on function private.maintain_partitions(date,regclass) is 'For every registered parent (or p_only): monthly partitions from the retention start to premake_months ahead, and the ones before the retention start dropped. Run daily by pg_cron (job time-partitions).';
