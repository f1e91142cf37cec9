create table private.partitioned_tables (
  parent regclass not null,
  retention_months integer not null,
  premake_months integer default 3 not null,
  created_at timestamp with time zone default now() not null,
  constraint "partitioned_tables_pkey" PRIMARY KEY (parent),
  constraint "partitioned_tables_premake_months_check" CHECK (((premake_months >= 1) AND (premake_months <= 3))),
  constraint "partitioned_tables_retention_months_check" CHECK (((retention_months >= 1) AND (retention_months <= 33)))
);
comment on table private.partitioned_tables is 'Parents partitioned by month on a timestamptz column, with how many whole months before the current one are kept and how many are made ahead. Kept by private.maintain_partitions() (pg_cron job time-partitions, daily).';
comment on column private.partitioned_tables.retention_months is 'Monthly partitions ending on or before the first day of (current month - retention_months) are dropped, rows and all.';

alter table private.partitioned_tables enable row level security;
grant select on private.partitioned_tables to service_role;
