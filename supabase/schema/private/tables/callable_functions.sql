create table private.callable_functions (
  name text not null,
  description text not null,
  wake_requested_at timestamp with time zone,
  constraint "callable_functions_pkey" PRIMARY KEY (name),
  constraint "callable_functions_name_check" CHECK ((name ~ '^[a-z0-9-]+(/[a-z0-9-]+)?$'::text))
);
comment on table private.callable_functions is 'Edge functions (path under /functions/v1) the database may call through pg_net. Service only.';
comment on column private.callable_functions.wake_requested_at is 'Set when a wake-up call is queued, cleared by the function when its round starts (private.function_round_started); a wake-up older than 30 s counts as lost.';

alter table private.callable_functions enable row level security;
