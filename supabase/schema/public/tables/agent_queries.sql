create table public.agent_queries (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  agent_id uuid,
  run_id uuid,
  provider public.ai_provider not null,
  model text not null,
  model_id uuid,
  purpose text,
  status public.agent_query_status default 'succeeded'::public.agent_query_status not null,
  input_tokens integer default 0 not null,
  cached_input_tokens integer default 0 not null,
  output_tokens integer default 0 not null,
  latency_ms integer,
  cost_micros bigint,
  request jsonb default '{}'::jsonb not null,
  response jsonb,
  error text,
  created_at timestamp with time zone default now() not null,
  constraint "agent_queries_pkey" PRIMARY KEY (id),
  constraint "agent_queries_cached_input_tokens_check" CHECK ((cached_input_tokens >= 0)),
  constraint "agent_queries_error_check" CHECK ((char_length(error) <= 4000)),
  constraint "agent_queries_input_tokens_check" CHECK ((input_tokens >= 0)),
  constraint "agent_queries_latency_ms_check" CHECK ((latency_ms >= 0)),
  constraint "agent_queries_model_check" CHECK (((char_length(model) >= 1) AND (char_length(model) <= 128))),
  constraint "agent_queries_model_id_fkey" FOREIGN KEY (model_id) REFERENCES public.ai_models(id) ON DELETE SET NULL,
  constraint "agent_queries_output_tokens_check" CHECK ((output_tokens >= 0)),
  constraint "agent_queries_purpose_check" CHECK ((char_length(purpose) <= 200)),
  constraint "agent_queries_workspace_id_agent_id_fkey" FOREIGN KEY (workspace_id, agent_id) REFERENCES public.agents(workspace_id, id) ON DELETE SET NULL (agent_id),
  constraint "agent_queries_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "agent_queries_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "agent_queries_workspace_id_run_id_fkey" FOREIGN KEY (workspace_id, run_id) REFERENCES public.agent_runs(workspace_id, id) ON DELETE SET NULL (run_id),
  constraint "cached input tokens are part of the input tokens" CHECK ((cached_input_tokens <= input_tokens))
);
comment on table public.agent_queries is 'Every LLM call: provider, model, tokens, latency, cost and the redacted request and response. Written by the service; admins read.';
comment on column public.agent_queries.model_id is 'The registry entry priced; found from provider + model when not given.';
comment on column public.agent_queries.cost_micros is 'Computed on insert from the registry''s prices at that time (private.ai_cost_micros); NULL when the model is not in the registry. Never taken from the caller.';
comment on column public.agent_queries.request is 'The prompt sent, redacted on insert (private.redact_jsonb).';
comment on column public.agent_queries.response is 'The provider''s answer, redacted on insert.';

alter table public.agent_queries enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.agent_queries to service_role;
grant select on public.agent_queries to authenticated;

CREATE INDEX agent_queries_agent_idx ON public.agent_queries USING btree (workspace_id, agent_id);
CREATE INDEX agent_queries_model_id_idx ON public.agent_queries USING btree (model_id);
CREATE INDEX agent_queries_run_idx ON public.agent_queries USING btree (workspace_id, run_id);
CREATE INDEX agent_queries_workspace_created_idx ON public.agent_queries USING btree (workspace_id, created_at DESC);

create policy "admins read" on public.agent_queries for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER add_query_to_run AFTER INSERT ON public.agent_queries FOR EACH ROW WHEN ((new.run_id IS NOT NULL)) EXECUTE FUNCTION private.add_query_to_run();
CREATE TRIGGER freeze_agent_query BEFORE UPDATE ON public.agent_queries FOR EACH ROW EXECUTE FUNCTION private.freeze_agent_query();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.agent_queries FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER price_agent_query BEFORE INSERT ON public.agent_queries FOR EACH ROW EXECUTE FUNCTION private.price_agent_query();
CREATE TRIGGER recount_agent_runs_del AFTER DELETE ON public.agent_queries REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.recount_agent_runs();
