create table public.campaign_predictions (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  campaign_id uuid not null,
  metric public.prediction_metric not null,
  period_start date not null,
  period_end date not null,
  predicted_value numeric(20,4) not null,
  lower_bound numeric(20,4),
  upper_bound numeric(20,4),
  confidence numeric(5,4),
  model text default 'unspecified'::text not null,
  inputs jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  run_id uuid,
  constraint "campaign_predictions_pkey" PRIMARY KEY (id),
  constraint "a model name has 1 to 100 characters" CHECK (((char_length(model) >= 1) AND (char_length(model) <= 100))),
  constraint "a prediction period ends on or after it starts" CHECK ((period_end >= period_start)),
  constraint "campaign_predictions_run_fkey" FOREIGN KEY (workspace_id, run_id) REFERENCES public.agent_runs(workspace_id, id) ON DELETE SET NULL (run_id),
  constraint "campaign_predictions_workspace_id_campaign_id_fkey" FOREIGN KEY (workspace_id, campaign_id) REFERENCES public.campaigns(workspace_id, id) ON DELETE CASCADE,
  constraint "campaign_predictions_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "confidence is between 0 and 1" CHECK (((confidence >= (0)::numeric) AND (confidence <= (1)::numeric))),
  constraint "inputs is a JSON object" CHECK ((jsonb_typeof(inputs) = 'object'::text)),
  constraint "one prediction per campaign, metric and period" UNIQUE (campaign_id, metric, period_start, period_end),
  constraint "the prediction lies within its bounds" CHECK ((((lower_bound IS NULL) OR (lower_bound <= predicted_value)) AND ((upper_bound IS NULL) OR (predicted_value <= upper_bound))))
);
comment on table public.campaign_predictions is 'AI forecasts of a campaign metric over a period, with an optional interval; regenerating a forecast upserts on (campaign_id, metric, period_start, period_end).';
comment on column public.campaign_predictions.confidence is 'The interval''s confidence level, e.g. 0.9 for a 90% interval.';
comment on column public.campaign_predictions.inputs is 'What the model was given (history window, assumptions).';
comment on column public.campaign_predictions.run_id is 'The agent run that forecast it (model, cost and inputs).';

alter table public.campaign_predictions enable row level security;
grant insert, select, update, delete on public.campaign_predictions to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.campaign_predictions to service_role;

CREATE INDEX campaign_predictions_campaign_idx ON public.campaign_predictions USING btree (workspace_id, campaign_id);
CREATE INDEX campaign_predictions_run_idx ON public.campaign_predictions USING btree (workspace_id, run_id);

create policy "members add" on public.campaign_predictions for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.campaign_predictions for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.campaign_predictions for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.campaign_predictions for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.campaign_predictions FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.campaign_predictions FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
