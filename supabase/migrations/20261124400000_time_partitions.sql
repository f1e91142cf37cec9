-- Retention and upkeep for monthly time partitions, declared once per table: a registry of
-- parents (experiment_events, touchpoints, pixel_events) with how many months each keeps and
-- how many it makes ahead, kept by one daily pg_cron job. The partitions themselves are made and
-- dropped by the ops migration's generic private.ensure_monthly_partitions() and
-- private.drop_monthly_partitions() (private.<parent>_pYYYYMM, RLS on, reached only through the
-- parent; a default partition catches what falls outside).

create table private.partitioned_tables (
  parent regclass primary key,
  retention_months integer not null check (retention_months between 1 and 33),
  premake_months integer not null default 3 check (premake_months between 1 and 3),
  created_at timestamptz not null default now()
);
comment on table private.partitioned_tables is 'Parents partitioned by month on a timestamptz column, with how many whole months before the current one are kept and how many are made ahead. Kept by private.maintain_partitions() (pg_cron job time-partitions, daily).';
comment on column private.partitioned_tables.retention_months is 'Monthly partitions ending on or before the first day of (current month - retention_months) are dropped, rows and all.';
alter table private.partitioned_tables enable row level security;
grant select on private.partitioned_tables to service_role;

-- Partitions ahead and retention for every registered parent (or one). Returns what it did.
create function private.maintain_partitions(p_today date default current_date, p_only regclass default null)
returns table (parent regclass, created integer, dropped integer)
language plpgsql volatile set search_path = '' as $$
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
end $$;
comment on function private.maintain_partitions(date, regclass) is 'For every registered parent (or p_only): monthly partitions from the retention start to premake_months ahead, and the ones before the retention start dropped. Run daily by pg_cron (job time-partitions).';

-- Migration helper: registers a parent, gives it a default partition and its monthly ones.
create function private.register_partitioned_table(p_parent regclass, p_retention_months integer, p_premake_months integer default 3)
returns void
language plpgsql volatile set search_path = '' as $$
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
end $$;
comment on function private.register_partitioned_table(regclass, integer, integer) is 'Migration helper: registers a parent partitioned by month, creates its default partition and its monthly partitions for the retention window and ahead.';

revoke all on function private.maintain_partitions(date, regclass) from public;
revoke all on function private.register_partitioned_table(regclass, integer, integer) from public;

select cron.schedule('time-partitions', '17 1 * * *', 'select private.maintain_partitions()');
