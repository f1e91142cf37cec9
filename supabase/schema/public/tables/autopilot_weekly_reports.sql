create table public.autopilot_weekly_reports (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  week_start date not null,
  iso_year integer generated always as ((EXTRACT(isoyear FROM week_start))::integer) stored,
  iso_week integer generated always as ((EXTRACT(week FROM week_start))::integer) stored,
  currency character(3) default 'USD'::bpchar not null,
  total_leads_generated integer default 0 not null,
  converted_leads integer default 0 not null,
  leads_by_source jsonb default '{}'::jsonb not null,
  total_spend_cents bigint default 0 not null,
  total_revenue_cents bigint default 0 not null,
  conversions numeric(20,4) default 0 not null,
  roas numeric(20,4),
  roi numeric(20,4),
  top_performing_channel public.ad_platform,
  channel_breakdown jsonb default '[]'::jsonb not null,
  ai_insights jsonb,
  generated_at timestamp with time zone default now() not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  commentary_run_id uuid,
  constraint "autopilot_weekly_reports_pkey" PRIMARY KEY (id),
  constraint "a report week starts on a Monday" CHECK ((EXTRACT(isodow FROM week_start) = (1)::numeric)),
  constraint "autopilot_weekly_reports_commentary_run_fkey" FOREIGN KEY (workspace_id, commentary_run_id) REFERENCES public.agent_runs(workspace_id, id) ON DELETE SET NULL (commentary_run_id),
  constraint "autopilot_weekly_reports_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "one report per workspace and week" UNIQUE (workspace_id, week_start)
);
comment on table public.autopilot_weekly_reports is 'One per workspace per ISO week (Monday to Sunday, UTC), built by private.build_weekly_report() from ad_metrics_rollup_daily and leads. Rebuilding a week updates the same row; figures that did not change leave it untouched.';
comment on column public.autopilot_weekly_reports.total_leads_generated is 'Leads created during the week (UTC).';
comment on column public.autopilot_weekly_reports.converted_leads is 'Of those, how many are converted now.';
comment on column public.autopilot_weekly_reports.leads_by_source is 'Leads created during the week per source, e.g. {"form": 12, "ads": 5}.';
comment on column public.autopilot_weekly_reports.roas is 'total_revenue_cents / total_spend_cents (platform-reported revenue), 4 decimals; NULL without spend.';
comment on column public.autopilot_weekly_reports.roi is '(total_revenue_cents - total_spend_cents) / total_spend_cents, 4 decimals; NULL without spend.';
comment on column public.autopilot_weekly_reports.top_performing_channel is 'The ad platform with the most revenue that week (ties: less spend, then name); NULL when no platform earned revenue.';
comment on column public.autopilot_weekly_reports.channel_breakdown is 'Per platform: [{"platform", "spend_cents", "revenue_cents", "conversions", "roas"}], most revenue first.';
comment on column public.autopilot_weekly_reports.ai_insights is 'Commentary an AI agent adds later; rebuilding the figures keeps it.';
comment on column public.autopilot_weekly_reports.commentary_run_id is 'The agent run that wrote ai_insights (model, cost and inputs).';

alter table public.autopilot_weekly_reports enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.autopilot_weekly_reports to service_role;
grant select on public.autopilot_weekly_reports to authenticated;

CREATE INDEX autopilot_weekly_reports_commentary_run_idx ON public.autopilot_weekly_reports USING btree (workspace_id, commentary_run_id);
CREATE INDEX autopilot_weekly_reports_workspace_week_idx ON public.autopilot_weekly_reports USING btree (workspace_id, week_start DESC);

create policy "viewers read" on public.autopilot_weekly_reports for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.autopilot_weekly_reports FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.autopilot_weekly_reports FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
