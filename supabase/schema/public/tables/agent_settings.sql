create table public.agent_settings (
  workspace_id uuid not null,
  monthly_budget_micros bigint default 50000000 not null,
  max_steps smallint default 8 not null,
  max_run_tokens integer default 60000 not null,
  max_run_seconds integer default 120 not null,
  max_proposals_per_run smallint default 5 not null,
  chat_agent_id uuid,
  max_budget_change_pct numeric(6,2) default 50 not null,
  max_daily_budget_cents bigint,
  max_price_change_pct numeric(6,2) default 30 not null,
  max_discount_percent numeric(5,2) default 30 not null,
  max_gift_card_cents bigint default 10000 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "agent_settings_pkey" PRIMARY KEY (workspace_id),
  constraint "agent_settings_max_budget_change_pct_check" CHECK (((max_budget_change_pct > (0)::numeric) AND (max_budget_change_pct <= (1000)::numeric))),
  constraint "agent_settings_max_daily_budget_cents_check" CHECK ((max_daily_budget_cents > 0)),
  constraint "agent_settings_max_discount_percent_check" CHECK (((max_discount_percent > (0)::numeric) AND (max_discount_percent <= (100)::numeric))),
  constraint "agent_settings_max_gift_card_cents_check" CHECK ((max_gift_card_cents > 0)),
  constraint "agent_settings_max_price_change_pct_check" CHECK (((max_price_change_pct > (0)::numeric) AND (max_price_change_pct <= (1000)::numeric))),
  constraint "agent_settings_max_proposals_per_run_check" CHECK (((max_proposals_per_run >= 1) AND (max_proposals_per_run <= 50))),
  constraint "agent_settings_max_run_seconds_check" CHECK (((max_run_seconds >= 5) AND (max_run_seconds <= 900))),
  constraint "agent_settings_max_run_tokens_check" CHECK (((max_run_tokens >= 1000) AND (max_run_tokens <= 5000000))),
  constraint "agent_settings_max_steps_check" CHECK (((max_steps >= 1) AND (max_steps <= 50))),
  constraint "agent_settings_monthly_budget_micros_check" CHECK ((monthly_budget_micros >= 0)),
  constraint "agent_settings_workspace_id_chat_agent_id_fkey" FOREIGN KEY (workspace_id, chat_agent_id) REFERENCES public.agents(workspace_id, id) ON DELETE SET NULL (chat_agent_id),
  constraint "agent_settings_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.agent_settings is 'Per-workspace AI settings (one row, admins write, viewers read; without a row the column defaults apply, read through private.agent_settings_for): the monthly AI budget, a run''s limits, the chat agent, and the guardrails the approval executor re-checks before acting.';
comment on column public.agent_settings.monthly_budget_micros is 'What model calls may cost per calendar month (UTC), in micros of USD: $50 = 50000000. When spent, new runs are refused (PT402) until the month ends or an admin raises it.';
comment on column public.agent_settings.max_steps is 'Model calls one run may make (tool rounds included).';
comment on column public.agent_settings.max_run_tokens is 'Input plus output tokens one run may use over all its calls.';
comment on column public.agent_settings.max_run_seconds is 'Wall time one run may take.';
comment on column public.agent_settings.max_proposals_per_run is 'Approval requests one run may file.';
comment on column public.agent_settings.chat_agent_id is 'The agent that answers chat sessions that name none.';
comment on column public.agent_settings.max_budget_change_pct is 'Guardrail: an ad or campaign budget change moves the budget by at most this percentage of its current value.';
comment on column public.agent_settings.max_daily_budget_cents is 'Guardrail: no ad campaign''s daily budget above this (NULL: no ceiling).';
comment on column public.agent_settings.max_price_change_pct is 'Guardrail: a product price change moves the price by at most this percentage.';
comment on column public.agent_settings.max_discount_percent is 'Guardrail: the largest percentage discount the executor creates.';
comment on column public.agent_settings.max_gift_card_cents is 'Guardrail: the largest gift card the executor issues.';

alter table public.agent_settings enable row level security;
grant insert, select, update, delete on public.agent_settings to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.agent_settings to service_role;

CREATE INDEX agent_settings_chat_agent_idx ON public.agent_settings USING btree (workspace_id, chat_agent_id);

create policy "admins add" on public.agent_settings for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins change" on public.agent_settings for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins remove" on public.agent_settings for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.agent_settings for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.agent_settings FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.agent_settings FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
