create table public.ai_insights (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  agent_id uuid,
  kind public.insight_kind not null,
  title text not null,
  body text,
  impact public.insight_impact default 'medium'::public.insight_impact not null,
  confidence numeric(5,4),
  metric text,
  data jsonb default '{}'::jsonb not null,
  status public.insight_status default 'new'::public.insight_status not null,
  status_changed_by uuid,
  status_changed_at timestamp with time zone,
  approval_id uuid,
  expires_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  run_id uuid,
  constraint "ai_insights_pkey" PRIMARY KEY (id),
  constraint "ai_insights_body_check" CHECK ((char_length(body) <= 20000)),
  constraint "ai_insights_confidence_check" CHECK (((confidence >= (0)::numeric) AND (confidence <= (1)::numeric))),
  constraint "ai_insights_data_check" CHECK ((jsonb_typeof(data) = 'object'::text)),
  constraint "ai_insights_metric_check" CHECK ((char_length(metric) <= 100)),
  constraint "ai_insights_run_fkey" FOREIGN KEY (workspace_id, run_id) REFERENCES public.agent_runs(workspace_id, id) ON DELETE SET NULL (run_id),
  constraint "ai_insights_status_changed_by_fkey" FOREIGN KEY (status_changed_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "ai_insights_title_check" CHECK (((char_length(btrim(title)) >= 1) AND (char_length(btrim(title)) <= 200))),
  constraint "ai_insights_workspace_id_agent_id_fkey" FOREIGN KEY (workspace_id, agent_id) REFERENCES public.agents(workspace_id, id) ON DELETE SET NULL (agent_id),
  constraint "ai_insights_workspace_id_approval_id_fkey" FOREIGN KEY (workspace_id, approval_id) REFERENCES public.agent_approvals(workspace_id, id) ON DELETE SET NULL (approval_id),
  constraint "ai_insights_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.ai_insights is 'AI-generated insights: written by agents (service), triaged by members. An insight acted on may point at the approval it became.';
comment on column public.ai_insights.data is 'The figures behind the insight.';
comment on column public.ai_insights.status_changed_by is 'Who last changed the status (from the session).';
comment on column public.ai_insights.run_id is 'The agent run that found it (model, cost and inputs).';

alter table public.ai_insights enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.ai_insights to service_role;
grant select on public.ai_insights to authenticated;
grant update (status) on public.ai_insights to authenticated;
alter publication supabase_realtime add table public.ai_insights;

CREATE INDEX ai_insights_agent_idx ON public.ai_insights USING btree (workspace_id, agent_id);
CREATE INDEX ai_insights_approval_idx ON public.ai_insights USING btree (workspace_id, approval_id);
CREATE INDEX ai_insights_feed_idx ON public.ai_insights USING btree (workspace_id, status, created_at DESC);
CREATE INDEX ai_insights_run_idx ON public.ai_insights USING btree (workspace_id, run_id);
CREATE INDEX ai_insights_status_changed_by_idx ON public.ai_insights USING btree (status_changed_by);

create policy "members change" on public.ai_insights for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.ai_insights for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.ai_insights FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.ai_insights FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_insight_status BEFORE UPDATE ON public.ai_insights FOR EACH ROW WHEN ((NOT ((old.status_changed_by IS NOT NULL) AND (new.status_changed_by IS NULL) AND private.only_deleted_users_cleared(ARRAY[old.status_changed_by], ARRAY[new.status_changed_by])))) EXECUTE FUNCTION private.stamp_insight_status();
