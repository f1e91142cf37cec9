create table public.leads (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  email text,
  first_name text,
  last_name text,
  company text,
  job_title text,
  phone text,
  source public.lead_source default 'manual'::public.lead_source not null,
  status public.lead_status default 'new'::public.lead_status not null,
  score integer default 0 not null,
  score_updated_at timestamp with time zone,
  last_activity_at timestamp with time zone,
  converted_at timestamp with time zone,
  campaign_id uuid,
  owner_id uuid,
  tags text[] default '{}'::text[] not null,
  notes text,
  custom_fields jsonb default '{}'::jsonb not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "leads_pkey" PRIMARY KEY (id),
  constraint "a lead has an email, a phone or a name" CHECK (((email IS NOT NULL) OR (phone IS NOT NULL) OR (COALESCE(first_name, last_name, company) IS NOT NULL))),
  constraint "a lead with this email already exists in this workspace" UNIQUE (workspace_id, email),
  constraint "at most 50 tags of at most 64 characters" CHECK (((cardinality(tags) <= 50) AND (char_length(array_to_string(tags, ''::text)) <= (50 * 64)))),
  constraint "custom_fields is a JSON object" CHECK ((jsonb_typeof(custom_fields) = 'object'::text)),
  constraint "email is a valid address" CHECK (((email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text) AND (char_length(email) <= 320))),
  constraint "leads_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "leads_owner_id_fkey" FOREIGN KEY (owner_id) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "leads_workspace_id_campaign_id_fkey" FOREIGN KEY (workspace_id, campaign_id) REFERENCES public.campaigns(workspace_id, id) ON DELETE SET NULL (campaign_id),
  constraint "leads_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "leads_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "names, company and title have at most 200 characters" CHECK (((char_length(first_name) <= 200) AND (char_length(last_name) <= 200) AND (char_length(company) <= 200) AND (char_length(job_title) <= 200))),
  constraint "notes have at most 20000 characters" CHECK ((char_length(notes) <= 20000)),
  constraint "phone has at most 40 characters" CHECK ((char_length(phone) <= 40))
);
comment on table public.leads is 'Prospects of a workspace. score, score_updated_at and last_activity_at are kept by triggers from lead_activities and lead_scoring_rules and cannot be written through the API.';
comment on column public.leads.email is 'Stored trimmed and lowercase; unique per workspace.';
comment on column public.leads.score is 'Sum over active scoring rules of points x min(matching activities, max_occurrences). Equal to private.lead_scores() at all times.';
comment on column public.leads.score_updated_at is 'When the score last changed.';
comment on column public.leads.last_activity_at is 'occurred_at of the latest activity.';
comment on column public.leads.converted_at is 'When the lead first became converted.';
comment on column public.leads.campaign_id is 'The marketing campaign that brought the lead in.';
comment on column public.leads.owner_id is 'The member working the lead.';

alter table public.leads enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.leads to service_role;
grant select, delete on public.leads to authenticated;
grant insert (id) on public.leads to authenticated;
grant insert (workspace_id) on public.leads to authenticated;
grant insert, update (email) on public.leads to authenticated;
grant insert, update (first_name) on public.leads to authenticated;
grant insert, update (last_name) on public.leads to authenticated;
grant insert, update (company) on public.leads to authenticated;
grant insert, update (job_title) on public.leads to authenticated;
grant insert, update (phone) on public.leads to authenticated;
grant insert, update (source) on public.leads to authenticated;
grant insert, update (status) on public.leads to authenticated;
grant insert, update (converted_at) on public.leads to authenticated;
grant insert, update (campaign_id) on public.leads to authenticated;
grant insert, update (owner_id) on public.leads to authenticated;
grant insert, update (tags) on public.leads to authenticated;
grant insert, update (notes) on public.leads to authenticated;
grant insert, update (custom_fields) on public.leads to authenticated;
grant insert (created_by) on public.leads to authenticated;
alter publication supabase_realtime add table public.leads;

CREATE INDEX leads_campaign_id_idx ON public.leads USING btree (workspace_id, campaign_id);
CREATE INDEX leads_created_by_idx ON public.leads USING btree (created_by);
CREATE INDEX leads_owner_id_idx ON public.leads USING btree (owner_id);
CREATE INDEX leads_workspace_created_idx ON public.leads USING btree (workspace_id, created_at DESC);
CREATE INDEX leads_workspace_status_score_idx ON public.leads USING btree (workspace_id, status, score DESC);

create policy "members add" on public.leads for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.leads for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.leads for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.leads for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.leads FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER normalize_lead BEFORE INSERT ON public.leads FOR EACH ROW EXECUTE FUNCTION private.normalize_lead();
CREATE TRIGGER normalize_lead_update BEFORE UPDATE ON public.leads FOR EACH ROW WHEN ((NOT ((((old.created_by IS NOT NULL) AND (new.created_by IS NULL)) OR ((old.owner_id IS NOT NULL) AND (new.owner_id IS NULL))) AND private.only_deleted_users_cleared(ARRAY[old.created_by, old.owner_id], ARRAY[new.created_by, new.owner_id])))) EXECUTE FUNCTION private.normalize_lead();
CREATE TRIGGER require_members BEFORE INSERT ON public.leads FOR EACH ROW WHEN ((new.owner_id IS NOT NULL)) EXECUTE FUNCTION private.require_members('owner_id');
CREATE TRIGGER require_members_update BEFORE UPDATE OF owner_id ON public.leads FOR EACH ROW WHEN ((NOT ((((old.created_by IS NOT NULL) AND (new.created_by IS NULL)) OR ((old.owner_id IS NOT NULL) AND (new.owner_id IS NULL))) AND private.only_deleted_users_cleared(ARRAY[old.created_by, old.owner_id], ARRAY[new.created_by, new.owner_id])))) EXECUTE FUNCTION private.require_members('owner_id');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.leads FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_created_by BEFORE INSERT ON public.leads FOR EACH ROW EXECUTE FUNCTION private.stamp_created_by();
CREATE TRIGGER workflow_events_ins AFTER INSERT ON public.leads REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.workflow_lead_events();
CREATE TRIGGER workflow_events_upd AFTER UPDATE ON public.leads REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.workflow_lead_events();
