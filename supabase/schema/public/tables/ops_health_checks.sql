create table public.ops_health_checks (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  service text not null,
  status public.health_status default 'unknown'::public.health_status not null,
  response_time_ms integer,
  message text,
  details jsonb default '{}'::jsonb not null,
  consecutive_failures integer default 0 not null,
  last_checked_at timestamp with time zone,
  last_success_at timestamp with time zone,
  last_failure_at timestamp with time zone,
  status_changed_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "ops_health_checks_pkey" PRIMARY KEY (id),
  constraint "ops_health_checks_consecutive_failures_check" CHECK ((consecutive_failures >= 0)),
  constraint "ops_health_checks_details_check" CHECK ((jsonb_typeof(details) = 'object'::text)),
  constraint "ops_health_checks_message_check" CHECK ((char_length(message) <= 2000)),
  constraint "ops_health_checks_response_time_ms_check" CHECK ((response_time_ms >= 0)),
  constraint "ops_health_checks_service_check" CHECK ((service ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'::text)),
  constraint "ops_health_checks_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "ops_health_checks_workspace_id_service_key" UNIQUE (workspace_id, service)
);
comment on table public.ops_health_checks is 'Latest health of each service a workspace depends on (Shopify, Meta, Google Ads, webhooks ...): one row per service, upserted by private.record_health_check(). A service going down opens an alert; coming back healthy resolves it.';
comment on column public.ops_health_checks.consecutive_failures is 'Checks in a row that were degraded or down.';

alter table public.ops_health_checks enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.ops_health_checks to service_role;
grant select on public.ops_health_checks to authenticated;
alter publication supabase_realtime add table public.ops_health_checks;

create policy "viewers read" on public.ops_health_checks for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.ops_health_checks FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.ops_health_checks FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
