create table public.autopilot_configs (
  workspace_id uuid not null,
  enabled boolean default false not null,
  business_description text,
  target_audience text,
  monthly_budget_cents bigint default 0 not null,
  currency character(3) default 'USD'::bpchar not null,
  goals jsonb default '[]'::jsonb not null,
  ai_strategy jsonb default '{}'::jsonb not null,
  target_roas numeric(10,2) default 2.00 not null,
  min_spend_cents bigint default 5000 not null,
  hot_lead_score integer default 50 not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "autopilot_configs_pkey" PRIMARY KEY (workspace_id),
  constraint "a business description has at most 5000 characters" CHECK ((char_length(business_description) <= 5000)),
  constraint "a target audience has at most 5000 characters" CHECK ((char_length(target_audience) <= 5000)),
  constraint "ai_strategy is a JSON object of at most 64 kB" CHECK (((jsonb_typeof(ai_strategy) = 'object'::text) AND (octet_length((ai_strategy)::text) <= 65536))),
  constraint "autopilot_configs_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "autopilot_configs_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "currency is a three-letter ISO code" CHECK ((currency ~ '^[A-Z]{3}$'::text)),
  constraint "hot_lead_score is between 1 and 100000" CHECK (((hot_lead_score >= 1) AND (hot_lead_score <= 100000))),
  constraint "min_spend_cents cannot be negative" CHECK ((min_spend_cents >= 0)),
  constraint "target_roas is above 0 and at most 1000" CHECK (((target_roas > (0)::numeric) AND (target_roas <= (1000)::numeric))),
  constraint "the monthly budget cannot be negative" CHECK ((monthly_budget_cents >= 0))
);
comment on table public.autopilot_configs is 'The autopilot of a workspace (one row at most): what the business is, its audience, monthly budget and goals, the AI strategy, and the thresholds the optimisation job uses. Admins change it; viewers read it.';
comment on column public.autopilot_configs.enabled is 'Weekly reports and daily optimisation proposals run only for enabled workspaces.';
comment on column public.autopilot_configs.goals is 'Validated: [{"metric": "leads|revenue_cents|roas|conversions|spend_cents|cpa_cents", "target": number >= 0, "period": "weekly|monthly|quarterly"}], at most 20, one per metric and period.';
comment on column public.autopilot_configs.ai_strategy is 'The strategy an AI agent proposed (free-form object), written by the service or an admin.';
comment on column public.autopilot_configs.target_roas is 'Default 7-day ROAS target for ad campaigns of auto-managed campaigns that set none themselves.';
comment on column public.autopilot_configs.min_spend_cents is 'An ad campaign needs at least this much 7-day spend before the optimisation judges its ROAS.';
comment on column public.autopilot_configs.hot_lead_score is 'Leads scoring at least this are hot in the lead inbox and the dashboard.';

alter table public.autopilot_configs enable row level security;
grant insert, select, update, delete on public.autopilot_configs to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.autopilot_configs to service_role;

CREATE INDEX autopilot_configs_created_by_idx ON public.autopilot_configs USING btree (created_by);

create policy "admins add" on public.autopilot_configs for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins change" on public.autopilot_configs for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins remove" on public.autopilot_configs for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.autopilot_configs for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER autopilot_config_changed AFTER INSERT OR UPDATE ON public.autopilot_configs FOR EACH ROW EXECUTE FUNCTION private.autopilot_config_changed();
CREATE TRIGGER check_autopilot_config BEFORE INSERT ON public.autopilot_configs FOR EACH ROW EXECUTE FUNCTION private.check_autopilot_config();
CREATE TRIGGER check_autopilot_config_update BEFORE UPDATE ON public.autopilot_configs FOR EACH ROW WHEN ((NOT ((old.created_by IS NOT NULL) AND (new.created_by IS NULL) AND private.only_deleted_users_cleared(ARRAY[old.created_by], ARRAY[new.created_by])))) EXECUTE FUNCTION private.check_autopilot_config();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.autopilot_configs FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.autopilot_configs FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_created_by BEFORE INSERT ON public.autopilot_configs FOR EACH ROW EXECUTE FUNCTION private.stamp_created_by();
