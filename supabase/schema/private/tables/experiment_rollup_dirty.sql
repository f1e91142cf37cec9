create table private.experiment_rollup_dirty (
  experiment_id uuid not null,
  day date not null,
  constraint "experiment_rollup_dirty_pkey" PRIMARY KEY (experiment_id, day)
);
comment on table private.experiment_rollup_dirty is 'Queue of (experiment, day) to recompute in experiment_daily_metrics; filled by statement triggers on assignments and events.';

alter table private.experiment_rollup_dirty enable row level security;
