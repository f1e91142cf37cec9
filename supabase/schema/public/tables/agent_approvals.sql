create table public.agent_approvals (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  agent_id uuid,
  run_id uuid,
  proposer public.actor_kind default 'system'::public.actor_kind not null,
  proposer_name text,
  proposed_by uuid default auth.uid(),
  action public.approval_action not null,
  title text not null,
  rationale text,
  payload jsonb default '{}'::jsonb not null,
  subject_table text,
  subject_id text,
  priority public.approval_priority default 'normal'::public.approval_priority not null,
  confidence numeric(5,4),
  expected_impact jsonb default '{}'::jsonb not null,
  dedupe_key text,
  status public.approval_status default 'pending'::public.approval_status not null,
  expires_at timestamp with time zone default (now() + '72:00:00'::interval) not null,
  decided_by uuid,
  decided_at timestamp with time zone,
  decision_note text,
  decision_log_id uuid,
  executed_at timestamp with time zone,
  execution_result jsonb,
  execution_error text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  slack_channel_id text,
  slack_message_ts text,
  replaced jsonb,
  undo_of_id uuid,
  constraint "agent_approvals_pkey" PRIMARY KEY (id),
  constraint "agent_approvals_confidence_check" CHECK (((confidence >= (0)::numeric) AND (confidence <= (1)::numeric))),
  constraint "agent_approvals_decided_by_fkey" FOREIGN KEY (decided_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "agent_approvals_decision_log_id_fkey" FOREIGN KEY (decision_log_id, workspace_id) REFERENCES public.decision_log(id, workspace_id) ON DELETE SET NULL (decision_log_id),
  constraint "agent_approvals_decision_note_check" CHECK ((char_length(decision_note) <= 4000)),
  constraint "agent_approvals_dedupe_key_check" CHECK (((char_length(dedupe_key) >= 1) AND (char_length(dedupe_key) <= 200))),
  constraint "agent_approvals_execution_error_check" CHECK ((char_length(execution_error) <= 4000)),
  constraint "agent_approvals_expected_impact_check" CHECK ((jsonb_typeof(expected_impact) = 'object'::text)),
  constraint "agent_approvals_payload_check" CHECK ((jsonb_typeof(payload) = 'object'::text)),
  constraint "agent_approvals_proposed_by_fkey" FOREIGN KEY (proposed_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "agent_approvals_proposer_name_check" CHECK (((char_length(proposer_name) >= 1) AND (char_length(proposer_name) <= 200))),
  constraint "agent_approvals_rationale_check" CHECK ((char_length(rationale) <= 20000)),
  constraint "agent_approvals_replaced_check" CHECK ((jsonb_typeof(replaced) = 'object'::text)),
  constraint "agent_approvals_slack_channel_id_check" CHECK ((slack_channel_id ~ '^[A-Z0-9]{2,32}$'::text)),
  constraint "agent_approvals_slack_message_ts_check" CHECK ((slack_message_ts ~ '^\d{1,12}\.\d{1,6}$'::text)),
  constraint "agent_approvals_subject_id_check" CHECK (((char_length(subject_id) >= 1) AND (char_length(subject_id) <= 200))),
  constraint "agent_approvals_subject_table_check" CHECK ((subject_table ~ '^[a-z_][a-z0-9_]{0,62}$'::text)),
  constraint "agent_approvals_title_check" CHECK (((char_length(btrim(title)) >= 1) AND (char_length(btrim(title)) <= 200))),
  constraint "agent_approvals_undo_of_fkey" FOREIGN KEY (workspace_id, undo_of_id) REFERENCES public.agent_approvals(workspace_id, id) ON DELETE SET NULL (undo_of_id),
  constraint "agent_approvals_workspace_id_agent_id_fkey" FOREIGN KEY (workspace_id, agent_id) REFERENCES public.agents(workspace_id, id) ON DELETE SET NULL (agent_id),
  constraint "agent_approvals_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "agent_approvals_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "agent_approvals_workspace_id_run_id_fkey" FOREIGN KEY (workspace_id, run_id) REFERENCES public.agent_runs(workspace_id, id) ON DELETE SET NULL (run_id),
  constraint "an approval expires after it was proposed" CHECK ((expires_at > created_at)),
  constraint "subject table and subject id go together" CHECK (((subject_table IS NULL) = (subject_id IS NULL)))
);
comment on table public.agent_approvals is 'Human approval queue: proposed actions (by agents, automations or people) that wait for a member''s decision. Viewers read; members propose and decide; the owning service executes approved ones. Realtime.';
comment on column public.agent_approvals.agent_id is 'The proposing agent; NULL for system proposals (autopilot, workflows) and people.';
comment on column public.agent_approvals.proposer is 'Who proposed, set by trigger: agent (agent_id given), user (a signed-in caller, or proposed_by given by the service) or system (an automation, named in proposer_name).';
comment on column public.agent_approvals.proposer_name is 'The agent or automation that proposed, e.g. autopilot-optimizer.';
comment on column public.agent_approvals.payload is 'The proposed action''s parameters, e.g. {"ad_campaign_id": "...", "daily_budget_cents": 5000}. Never changes after insert.';
comment on column public.agent_approvals.subject_table is 'What the action is about (table name), with subject_id, e.g. ad_campaigns.';
comment on column public.agent_approvals.expected_impact is 'The proposer''s estimate, e.g. {"savings_cents": 12000, "roas_7d": 0.8}.';
comment on column public.agent_approvals.dedupe_key is 'Proposer''s idempotency key: at most one pending approval per workspace and key.';
comment on column public.agent_approvals.decided_by is 'Who approved or rejected: the signed-in caller (set by trigger); NULL for expiry.';
comment on column public.agent_approvals.decision_log_id is 'The decision_log entry recording the decision.';
comment on column public.agent_approvals.execution_result is 'What the executing service reported (approved -> executed | failed).';
comment on column public.agent_approvals.slack_channel_id is 'The Slack channel the approval was posted to (with Approve and Reject buttons).';
comment on column public.agent_approvals.slack_message_ts is 'The Slack message''s ts: a decision edits that message to say who decided.';
comment on column public.agent_approvals.replaced is 'What the executed change replaced (e.g. {"daily_budget_cents": 12000}), recorded by the executor; public.propose_undo proposes putting it back.';
comment on column public.agent_approvals.undo_of_id is 'The executed approval this proposal undoes (public.propose_undo).';

alter table public.agent_approvals enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.agent_approvals to service_role;
grant select on public.agent_approvals to authenticated;
grant insert (id) on public.agent_approvals to authenticated;
grant insert (workspace_id) on public.agent_approvals to authenticated;
grant insert (agent_id) on public.agent_approvals to authenticated;
grant insert (run_id) on public.agent_approvals to authenticated;
grant insert (proposer) on public.agent_approvals to authenticated;
grant insert (proposer_name) on public.agent_approvals to authenticated;
grant insert (action) on public.agent_approvals to authenticated;
grant insert (title) on public.agent_approvals to authenticated;
grant insert (rationale) on public.agent_approvals to authenticated;
grant insert (payload) on public.agent_approvals to authenticated;
grant insert (subject_table) on public.agent_approvals to authenticated;
grant insert (subject_id) on public.agent_approvals to authenticated;
grant insert (priority) on public.agent_approvals to authenticated;
grant insert (confidence) on public.agent_approvals to authenticated;
grant insert (expected_impact) on public.agent_approvals to authenticated;
grant insert (dedupe_key) on public.agent_approvals to authenticated;
grant update (status) on public.agent_approvals to authenticated;
grant insert (expires_at) on public.agent_approvals to authenticated;
grant update (decision_note) on public.agent_approvals to authenticated;
grant insert (undo_of_id) on public.agent_approvals to authenticated;
alter publication supabase_realtime add table public.agent_approvals;

CREATE INDEX agent_approvals_agent_idx ON public.agent_approvals USING btree (workspace_id, agent_id);
CREATE INDEX agent_approvals_approved_idx ON public.agent_approvals USING btree (action, created_at) WHERE (status = 'approved'::public.approval_status);
CREATE INDEX agent_approvals_decided_by_idx ON public.agent_approvals USING btree (decided_by);
CREATE INDEX agent_approvals_decision_log_id_workspace_id_idx ON public.agent_approvals USING btree (decision_log_id, workspace_id);
CREATE INDEX agent_approvals_expiry_idx ON public.agent_approvals USING btree (expires_at) WHERE (status = 'pending'::public.approval_status);
CREATE UNIQUE INDEX agent_approvals_pending_dedupe ON public.agent_approvals USING btree (workspace_id, dedupe_key) WHERE (status = 'pending'::public.approval_status);
CREATE INDEX agent_approvals_proposed_by_idx ON public.agent_approvals USING btree (proposed_by);
CREATE INDEX agent_approvals_queue_idx ON public.agent_approvals USING btree (workspace_id, status, created_at DESC);
CREATE INDEX agent_approvals_run_idx ON public.agent_approvals USING btree (workspace_id, run_id);
CREATE INDEX agent_approvals_undo_of_idx ON public.agent_approvals USING btree (workspace_id, undo_of_id);

create policy "members add" on public.agent_approvals for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.agent_approvals for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.agent_approvals for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER approval_webhook_events_insert AFTER INSERT ON public.agent_approvals FOR EACH ROW EXECUTE FUNCTION private.approval_webhook_events();
CREATE TRIGGER approval_webhook_events_update AFTER UPDATE OF status ON public.agent_approvals FOR EACH ROW WHEN ((old.status IS DISTINCT FROM new.status)) EXECUTE FUNCTION private.approval_webhook_events();
CREATE TRIGGER audit AFTER INSERT OR DELETE OR UPDATE ON public.agent_approvals FOR EACH ROW EXECUTE FUNCTION private.audit_row();
CREATE TRIGGER check_approval_proposer BEFORE INSERT ON public.agent_approvals FOR EACH ROW EXECUTE FUNCTION private.check_approval_proposer();
CREATE TRIGGER guard_agent_approval BEFORE INSERT ON public.agent_approvals FOR EACH ROW EXECUTE FUNCTION private.guard_agent_approval();
CREATE TRIGGER guard_agent_approval_update BEFORE UPDATE ON public.agent_approvals FOR EACH ROW WHEN ((NOT ((((old.decided_by IS NOT NULL) AND (new.decided_by IS NULL)) OR ((old.proposed_by IS NOT NULL) AND (new.proposed_by IS NULL))) AND private.only_deleted_users_cleared(ARRAY[old.decided_by, old.proposed_by], ARRAY[new.decided_by, new.proposed_by])))) EXECUTE FUNCTION private.guard_agent_approval();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.agent_approvals FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER learn_from_decision AFTER UPDATE OF status ON public.agent_approvals FOR EACH ROW WHEN (((new.agent_id IS NOT NULL) AND (new.status = ANY (ARRAY['approved'::public.approval_status, 'rejected'::public.approval_status])) AND (old.status = 'pending'::public.approval_status))) EXECUTE FUNCTION private.learn_from_decision();
CREATE TRIGGER queue_approved_action AFTER UPDATE OF status ON public.agent_approvals FOR EACH ROW WHEN (((new.status = 'approved'::public.approval_status) AND (old.status IS DISTINCT FROM new.status) AND (new.action <> 'other'::public.approval_action))) EXECUTE FUNCTION private.queue_approved_action();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.agent_approvals FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER slack_notify AFTER INSERT OR UPDATE OF status ON public.agent_approvals FOR EACH ROW WHEN (((new.status <> 'expired'::public.approval_status) OR (new.slack_message_ts IS NOT NULL))) EXECUTE FUNCTION private.slack_notify_row();
