create table public.campaigns (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  name text not null,
  description text,
  objective public.campaign_objective,
  channels public.marketing_channel[] default '{}'::public.marketing_channel[] not null,
  status public.campaign_status default 'draft'::public.campaign_status not null,
  budget_cents bigint default 0 not null,
  currency character(3) default 'USD'::bpchar not null,
  start_date date,
  end_date date,
  kpi_targets jsonb default '{}'::jsonb not null,
  auto_managed boolean default false not null,
  owner_id uuid,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "campaigns_pkey" PRIMARY KEY (id),
  constraint "a campaign budget cannot be negative" CHECK ((budget_cents >= 0)),
  constraint "a campaign description has at most 5000 characters" CHECK ((char_length(description) <= 5000)),
  constraint "a campaign ends on or after its start" CHECK (((end_date IS NULL) OR (start_date IS NULL) OR (end_date >= start_date))),
  constraint "a campaign name has 1 to 200 characters" CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 200))),
  constraint "campaign names are unique per workspace" UNIQUE (workspace_id, name),
  constraint "campaigns_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "campaigns_owner_id_fkey" FOREIGN KEY (owner_id) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "campaigns_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "campaigns_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "currency is a three-letter ISO code" CHECK ((currency ~ '^[A-Z]{3}$'::text))
);
comment on table public.campaigns is 'The brand''s marketing initiatives: budget, channels, KPI targets and tasks. Ad campaigns may belong to one (ad_campaigns.campaign_id). Names are unique per workspace.';
comment on column public.campaigns.channels is 'The channels the campaign uses; kept sorted and without duplicates.';
comment on column public.campaigns.budget_cents is 'Total budget for the campaign in currency cents.';
comment on column public.campaigns.kpi_targets is 'Targets, validated: {"target_roas": 3.5, "target_cpa_cents": 2500, "target_cpl_cents": 800, "target_leads": 200, "target_conversions": 50, "target_revenue_cents": 1000000, "target_ctr": 0.015, "target_cvr": 0.03}; every key optional.';
comment on column public.campaigns.auto_managed is 'The autopilot may propose changes to its ad campaigns (pause, budget shifts) as pending approvals.';
comment on column public.campaigns.owner_id is 'The member responsible for the campaign.';

alter table public.campaigns enable row level security;
grant insert, select, update, delete on public.campaigns to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.campaigns to service_role;
alter publication supabase_realtime add table public.campaigns;

CREATE INDEX campaigns_created_by_idx ON public.campaigns USING btree (created_by);
CREATE INDEX campaigns_owner_id_idx ON public.campaigns USING btree (owner_id);
CREATE INDEX campaigns_workspace_status_idx ON public.campaigns USING btree (workspace_id, status);

create policy "members add" on public.campaigns for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.campaigns for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.campaigns for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.campaigns for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER check_campaign BEFORE INSERT ON public.campaigns FOR EACH ROW EXECUTE FUNCTION private.check_campaign();
CREATE TRIGGER check_campaign_update BEFORE UPDATE ON public.campaigns FOR EACH ROW WHEN ((NOT ((((old.created_by IS NOT NULL) AND (new.created_by IS NULL)) OR ((old.owner_id IS NOT NULL) AND (new.owner_id IS NULL))) AND private.only_deleted_users_cleared(ARRAY[old.created_by, old.owner_id], ARRAY[new.created_by, new.owner_id])))) EXECUTE FUNCTION private.check_campaign();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.campaigns FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER require_members BEFORE INSERT ON public.campaigns FOR EACH ROW EXECUTE FUNCTION private.require_members('owner_id');
CREATE TRIGGER require_members_update BEFORE UPDATE OF owner_id ON public.campaigns FOR EACH ROW WHEN ((NOT ((((old.created_by IS NOT NULL) AND (new.created_by IS NULL)) OR ((old.owner_id IS NOT NULL) AND (new.owner_id IS NULL))) AND private.only_deleted_users_cleared(ARRAY[old.created_by, old.owner_id], ARRAY[new.created_by, new.owner_id])))) EXECUTE FUNCTION private.require_members('owner_id');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.campaigns FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_created_by BEFORE INSERT ON public.campaigns FOR EACH ROW EXECUTE FUNCTION private.stamp_created_by();
CREATE TRIGGER workflow_events_upd AFTER UPDATE ON public.campaigns REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.workflow_campaign_events();
