create table public.dashboard_facts (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  metric text not null,
  period public.fact_period not null,
  period_start timestamp with time zone not null,
  dimensions jsonb default '{}'::jsonb not null,
  value numeric not null,
  unit text,
  currency character(3),
  source text,
  computed_at timestamp with time zone default now() not null,
  created_at timestamp with time zone default now() not null,
  constraint "dashboard_facts_pkey" PRIMARY KEY (id),
  constraint "dashboard_facts_currency_check" CHECK ((currency ~ '^[A-Z]{3}$'::text)),
  constraint "dashboard_facts_dimensions_check" CHECK ((jsonb_typeof(dimensions) = 'object'::text)),
  constraint "dashboard_facts_metric_check" CHECK ((metric ~ '^[a-z][a-z0-9_.]{0,99}$'::text)),
  constraint "dashboard_facts_source_check" CHECK ((char_length(source) <= 120)),
  constraint "dashboard_facts_unit_check" CHECK ((unit = ANY (ARRAY['cents'::text, 'micros'::text, 'count'::text, 'ratio'::text, 'percent'::text, 'seconds'::text, 'milliseconds'::text]))),
  constraint "dashboard_facts_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "dashboard_facts_workspace_id_metric_period_period_start_dim_key" UNIQUE (workspace_id, metric, period, period_start, dimensions)
);
comment on table public.dashboard_facts is 'Generic fact table for dashboards: one value per metric, period and dimension set. Performance analytics are facts with {"entity_type", "entity_id"} dimensions. Written by the service and pg_cron (upsert on the unique key); viewers read.';
comment on column public.dashboard_facts.dimensions is 'What the value is broken down by, e.g. {"platform": "meta"} or {"currency": "USD"}; {} for the total.';

alter table public.dashboard_facts enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.dashboard_facts to service_role;
grant select on public.dashboard_facts to authenticated;

CREATE INDEX dashboard_facts_lookup_idx ON public.dashboard_facts USING btree (workspace_id, metric, period, period_start DESC);

create policy "viewers read" on public.dashboard_facts for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.dashboard_facts FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
