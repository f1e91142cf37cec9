create table public.ceo_briefings (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  kind public.briefing_kind not null,
  period_start date not null,
  period_end date not null,
  executive_summary text not null,
  key_metrics jsonb default '{}'::jsonb not null,
  insights jsonb default '[]'::jsonb not null,
  generation_model text,
  model_id uuid,
  generation_input_tokens integer default 0 not null,
  generation_output_tokens integer default 0 not null,
  cost_micros bigint,
  rating smallint,
  feedback_notes text,
  rated_by uuid,
  rated_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  slack_channel_id text,
  slack_message_ts text,
  run_id uuid,
  constraint "ceo_briefings_pkey" PRIMARY KEY (id),
  constraint "a briefing period ends on or after it starts" CHECK ((period_end >= period_start)),
  constraint "ceo_briefings_executive_summary_check" CHECK (((char_length(executive_summary) >= 1) AND (char_length(executive_summary) <= 50000))),
  constraint "ceo_briefings_feedback_notes_check" CHECK ((char_length(feedback_notes) <= 4000)),
  constraint "ceo_briefings_generation_input_tokens_check" CHECK ((generation_input_tokens >= 0)),
  constraint "ceo_briefings_generation_model_check" CHECK ((char_length(generation_model) <= 128)),
  constraint "ceo_briefings_generation_output_tokens_check" CHECK ((generation_output_tokens >= 0)),
  constraint "ceo_briefings_insights_check" CHECK ((jsonb_typeof(insights) = 'array'::text)),
  constraint "ceo_briefings_key_metrics_check" CHECK ((jsonb_typeof(key_metrics) = 'object'::text)),
  constraint "ceo_briefings_model_id_fkey" FOREIGN KEY (model_id) REFERENCES public.ai_models(id) ON DELETE SET NULL,
  constraint "ceo_briefings_rated_by_fkey" FOREIGN KEY (rated_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "ceo_briefings_rating_check" CHECK (((rating >= 1) AND (rating <= 5))),
  constraint "ceo_briefings_run_fkey" FOREIGN KEY (workspace_id, run_id) REFERENCES public.agent_runs(workspace_id, id) ON DELETE SET NULL (run_id),
  constraint "ceo_briefings_slack_channel_id_check" CHECK ((slack_channel_id ~ '^[A-Z0-9]{2,32}$'::text)),
  constraint "ceo_briefings_slack_message_ts_check" CHECK ((slack_message_ts ~ '^\d{1,12}\.\d{1,6}$'::text)),
  constraint "ceo_briefings_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "ceo_briefings_workspace_id_kind_period_end_key" UNIQUE (workspace_id, kind, period_end)
);
comment on table public.ceo_briefings is 'Generated executive summaries: visible to the workspace''s owners and admins only, who rate them and leave feedback. Written by the service; one per workspace, kind and period end.';
comment on column public.ceo_briefings.model_id is 'The registry model that wrote it (found from generation_model when not given).';
comment on column public.ceo_briefings.cost_micros is 'Generation cost from the registry''s prices at insert (private.ai_cost_micros); NULL for a model not in the registry.';
comment on column public.ceo_briefings.rating is 'A reader''s rating from 1 to 5; rated_by/rated_at come from the session.';
comment on column public.ceo_briefings.slack_channel_id is 'The Slack channel the briefing was posted to.';
comment on column public.ceo_briefings.slack_message_ts is 'The Slack message''s ts.';
comment on column public.ceo_briefings.run_id is 'The agent run that wrote it (model, cost and inputs).';

alter table public.ceo_briefings enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.ceo_briefings to service_role;
grant select on public.ceo_briefings to authenticated;
grant update (rating) on public.ceo_briefings to authenticated;
grant update (feedback_notes) on public.ceo_briefings to authenticated;

CREATE INDEX ceo_briefings_model_id_idx ON public.ceo_briefings USING btree (model_id);
CREATE INDEX ceo_briefings_rated_by_idx ON public.ceo_briefings USING btree (rated_by);
CREATE INDEX ceo_briefings_recent_idx ON public.ceo_briefings USING btree (workspace_id, kind, period_end DESC);
CREATE INDEX ceo_briefings_run_idx ON public.ceo_briefings USING btree (workspace_id, run_id);

create policy "admins change" on public.ceo_briefings for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins read" on public.ceo_briefings for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER guard_ceo_briefing BEFORE INSERT ON public.ceo_briefings FOR EACH ROW EXECUTE FUNCTION private.guard_ceo_briefing();
CREATE TRIGGER guard_ceo_briefing_update BEFORE UPDATE ON public.ceo_briefings FOR EACH ROW WHEN ((NOT ((old.rated_by IS NOT NULL) AND (new.rated_by IS NULL) AND private.only_deleted_users_cleared(ARRAY[old.rated_by], ARRAY[new.rated_by])))) EXECUTE FUNCTION private.guard_ceo_briefing();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.ceo_briefings FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.ceo_briefings FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER slack_notify AFTER INSERT ON public.ceo_briefings FOR EACH ROW EXECUTE FUNCTION private.slack_notify_row();
