create table public.ai_model_discovery_runs (
  id uuid default gen_random_uuid() not null,
  status public.discovery_run_status default 'running'::public.discovery_run_status not null,
  providers_checked public.ai_provider[] default '{}'::public.ai_provider[] not null,
  models_discovered integer default 0 not null,
  models_added integer default 0 not null,
  models_updated integer default 0 not null,
  models_deprecated integer default 0 not null,
  started_at timestamp with time zone default now() not null,
  finished_at timestamp with time zone,
  execution_time_ms integer,
  error text,
  details jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  constraint "ai_model_discovery_runs_pkey" PRIMARY KEY (id),
  constraint "ai_model_discovery_runs_details_check" CHECK ((jsonb_typeof(details) = 'object'::text)),
  constraint "ai_model_discovery_runs_error_check" CHECK ((char_length(error) <= 2000)),
  constraint "ai_model_discovery_runs_execution_time_ms_check" CHECK ((execution_time_ms >= 0)),
  constraint "ai_model_discovery_runs_models_added_check" CHECK ((models_added >= 0)),
  constraint "ai_model_discovery_runs_models_deprecated_check" CHECK ((models_deprecated >= 0)),
  constraint "ai_model_discovery_runs_models_discovered_check" CHECK ((models_discovered >= 0)),
  constraint "ai_model_discovery_runs_models_updated_check" CHECK ((models_updated >= 0))
);
comment on table public.ai_model_discovery_runs is 'Log of model discovery runs: which providers were checked and what changed. Global; written by the service.';
comment on column public.ai_model_discovery_runs.details is 'Model ids added, updated and deprecated, per provider.';

alter table public.ai_model_discovery_runs enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.ai_model_discovery_runs to service_role;
grant select on public.ai_model_discovery_runs to authenticated;

CREATE INDEX ai_model_discovery_runs_started_at_idx ON public.ai_model_discovery_runs USING btree (started_at DESC);

create policy "signed-in users read discovery runs" on public.ai_model_discovery_runs for select to authenticated
  using (true);
