create table private.connector_queues (
  queue text not null,
  function_name text not null,
  lease interval default '00:02:00'::interval not null,
  max_attempts integer default 8 not null,
  backoff_base interval default '00:00:30'::interval not null,
  backoff_cap interval default '06:00:00'::interval not null,
  one_per_connection boolean default true not null,
  keep_done interval default '7 days'::interval not null,
  keep_dead interval default '30 days'::interval not null,
  description text not null,
  constraint "connector_queues_pkey" PRIMARY KEY (queue),
  constraint "connector_queues_backoff_base_check" CHECK ((backoff_base > '00:00:00'::interval)),
  constraint "connector_queues_check" CHECK ((backoff_cap >= backoff_base)),
  constraint "connector_queues_description_check" CHECK (((char_length(description) >= 1) AND (char_length(description) <= 500))),
  constraint "connector_queues_function_name_fkey" FOREIGN KEY (function_name) REFERENCES private.callable_functions(name) ON DELETE CASCADE,
  constraint "connector_queues_lease_check" CHECK (((lease >= '00:00:05'::interval) AND (lease <= '01:00:00'::interval))),
  constraint "connector_queues_max_attempts_check" CHECK (((max_attempts >= 1) AND (max_attempts <= 100))),
  constraint "connector_queues_queue_check" CHECK ((queue ~ '^[a-z][a-z0-9_]{0,62}$'::text))
);
comment on table private.connector_queues is 'The connector queues: which worker function a queue wakes, how long a claim is leased, attempts before a job is dead, the retry backoff, whether a connection runs one job at a time, and how long finished jobs are kept. A connector adds its row in its migration.';
comment on column private.connector_queues.function_name is 'The worker the database wakes for this queue; a function no longer callable takes its queue (and the queue its jobs) with it.';
comment on column private.connector_queues.one_per_connection is 'True: a claim takes at most one job per connection and none from a connection with a job still leased (syncs). False: many jobs per connection per claim (batched sends).';

alter table private.connector_queues enable row level security;
grant select on private.connector_queues to service_role;

CREATE INDEX connector_queues_function_name_idx ON private.connector_queues USING btree (function_name);
