-- Monthly time partitions for high-volume append-only tables (experiment_events, touchpoints,
-- pixel_events ...). A parent registers itself with its retention; pg_cron makes partitions ahead
-- and drops the ones past retention (dropping a partition is instant, deleting rows is not).
-- Partitions live in `private`, named <parent>_pYYYYMM: PostgREST does not expose them, the API
-- roles reach rows only through the parent (whose policies apply), and each partition has RLS
-- enabled with no policy, so nothing can read it directly.

create table private.partitioned_tables (
  parent regclass primary key,
  retention_months integer not null check (retention_months between 1 and 120),
  premake_months integer not null default 3 check (premake_months between 1 and 24),
  created_at timestamptz not null default now()
);
comment on table private.partitioned_tables is 'Parents partitioned by month on a timestamptz column, with how many whole months before the current one are kept and how many are made ahead. Kept by private.maintain_partitions() (pg_cron, daily).';
comment on column private.partitioned_tables.retention_months is 'Partitions whose month ends on or before the first day of (current month - retention_months) are dropped.';
alter table private.partitioned_tables enable row level security;
grant select on private.partitioned_tables to service_role;

create function private.partition_name(p_parent regclass, p_month date) returns text
language sql stable set search_path = '' as $$
  select c.relname || '_p' || to_char(p_month, 'YYYYMM') from pg_class c where c.oid = p_parent
$$;
comment on function private.partition_name(regclass, date) is 'The partition name for a parent and month: <parent>_pYYYYMM (in schema private).';

-- Creates the partition for p_month's month when missing; true when it made one.
create function private.create_month_partition(p_parent regclass, p_month date) returns boolean
language plpgsql volatile set search_path = '' as $$
declare
  m date := date_trunc('month', p_month)::date;
  name text := private.partition_name(p_parent, m);
begin
  if to_regclass(format('private.%I', name)) is not null then
    return false;
  end if;
  execute format('create table private.%I partition of %s for values from (%L) to (%L)', name, p_parent,
                 (m::timestamp at time zone 'UTC'), ((m + interval '1 month')::timestamp at time zone 'UTC'));
  execute format('alter table private.%I enable row level security', name);
  execute format('comment on table private.%I is %L', name,
                 format('Partition of %s for %s (UTC). Read and written through the parent only; dropped by retention.',
                        p_parent, to_char(m, 'YYYY-MM')));
  return true;
end $$;
comment on function private.create_month_partition(regclass, date) is 'Makes the monthly partition of a registered parent for the month containing p_month, with RLS on and a comment; no-op when it exists.';

-- Partitions ahead and retention for every registered parent (or one). Returns what it did.
create function private.maintain_partitions(p_today date default current_date, p_only regclass default null)
returns table (parent regclass, created integer, dropped integer)
language plpgsql volatile set search_path = '' as $$
declare
  t private.partitioned_tables;
  first_kept date;
  m date;
  part record;
  n_created integer;
  n_dropped integer;
begin
  for t in select * from private.partitioned_tables pt where p_only is null or pt.parent = p_only order by pt.parent::text loop
    first_kept := (date_trunc('month', p_today) - make_interval(months => t.retention_months))::date;
    n_created := 0;
    n_dropped := 0;
    m := first_kept;
    while m <= (date_trunc('month', p_today) + make_interval(months => t.premake_months))::date loop
      if private.create_month_partition(t.parent, m) then
        n_created := n_created + 1;
      end if;
      m := (m + interval '1 month')::date;
    end loop;
    for part in
      select c.oid::regclass as rel, to_date(right(c.relname, 6), 'YYYYMM') as month
      from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = t.parent and c.relname ~ '_p\d{6}$'
    loop
      if part.month < first_kept then
        execute format('drop table %s', part.rel);
        n_dropped := n_dropped + 1;
      end if;
    end loop;
    parent := t.parent;
    created := n_created;
    dropped := n_dropped;
    return next;
  end loop;
end $$;
comment on function private.maintain_partitions(date, regclass) is 'Creates monthly partitions from the retention start to premake_months ahead and drops those older than retention, for every registered parent (or p_only). Run daily by pg_cron (job time-partitions).';

create function private.register_partitioned_table(p_parent regclass, p_retention_months integer, p_premake_months integer default 3)
returns void
language plpgsql volatile set search_path = '' as $$
begin
  insert into private.partitioned_tables (parent, retention_months, premake_months)
  values (p_parent, p_retention_months, p_premake_months)
  on conflict on constraint partitioned_tables_pkey do update
    set retention_months = excluded.retention_months, premake_months = excluded.premake_months;
  perform private.maintain_partitions(current_date, p_parent);
end $$;
comment on function private.register_partitioned_table(regclass, integer, integer) is 'Migration helper: registers a parent partitioned by month and creates its partitions for the retention window and ahead.';

revoke all on function private.partition_name(regclass, date) from public;
revoke all on function private.create_month_partition(regclass, date) from public;
revoke all on function private.maintain_partitions(date, regclass) from public;
revoke all on function private.register_partitioned_table(regclass, integer, integer) from public;

select cron.schedule('time-partitions', '17 1 * * *', 'select private.maintain_partitions()');
