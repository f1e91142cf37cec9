create table public.real_time_metrics (
  workspace_id uuid not null,
  entity_type text not null,
  entity_id text not null,
  metric text not null,
  value numeric not null,
  previous_value numeric,
  measured_at timestamp with time zone default now() not null,
  created_at timestamp with time zone default now() not null,
  constraint "real_time_metrics_pkey" PRIMARY KEY (workspace_id, entity_type, entity_id, metric),
  constraint "real_time_metrics_entity_id_check" CHECK (((char_length(entity_id) >= 1) AND (char_length(entity_id) <= 200))),
  constraint "real_time_metrics_entity_type_check" CHECK ((entity_type ~ '^[a-z][a-z0-9_]{0,63}$'::text)),
  constraint "real_time_metrics_metric_check" CHECK ((metric ~ '^[a-z][a-z0-9_.]{0,99}$'::text)),
  constraint "real_time_metrics_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.real_time_metrics is 'Latest value of a metric per entity (live visitors on a page, today''s spend of a campaign ...); upserted by private.record_metrics(), published to Realtime. previous_value is the value it replaced.';

alter table public.real_time_metrics enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.real_time_metrics to service_role;
grant select on public.real_time_metrics to authenticated;
alter publication supabase_realtime add table public.real_time_metrics;

create policy "viewers read" on public.real_time_metrics for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.real_time_metrics FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
