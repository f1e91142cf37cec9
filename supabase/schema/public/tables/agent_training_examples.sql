create table public.agent_training_examples (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  agent_id uuid not null,
  kind public.training_example_kind default 'example'::public.training_example_kind not null,
  source public.training_example_source default 'manual'::public.training_example_source not null,
  input text,
  expected_output text,
  actual_output text,
  was_correct boolean,
  pattern jsonb,
  confidence numeric(5,4),
  usage_count integer default 0 not null,
  feedback_id uuid,
  tags text[] default '{}'::text[] not null,
  is_active boolean default true not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "agent_training_examples_pkey" PRIMARY KEY (id),
  constraint "a pattern needs its pattern document" CHECK (((kind <> 'pattern'::public.training_example_kind) OR (pattern IS NOT NULL))),
  constraint "agent_training_examples_actual_output_check" CHECK ((char_length(actual_output) <= 50000)),
  constraint "agent_training_examples_confidence_check" CHECK (((confidence >= (0)::numeric) AND (confidence <= (1)::numeric))),
  constraint "agent_training_examples_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "agent_training_examples_expected_output_check" CHECK ((char_length(expected_output) <= 50000)),
  constraint "agent_training_examples_input_check" CHECK ((char_length(input) <= 50000)),
  constraint "agent_training_examples_pattern_check" CHECK ((jsonb_typeof(pattern) = 'object'::text)),
  constraint "agent_training_examples_usage_count_check" CHECK ((usage_count >= 0)),
  constraint "agent_training_examples_workspace_id_agent_id_fkey" FOREIGN KEY (workspace_id, agent_id) REFERENCES public.agents(workspace_id, id) ON DELETE CASCADE,
  constraint "agent_training_examples_workspace_id_feedback_id_fkey" FOREIGN KEY (workspace_id, feedback_id) REFERENCES public.agent_feedback(workspace_id, id) ON DELETE SET NULL (feedback_id),
  constraint "agent_training_examples_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "an example or correction needs input and expected output" CHECK (((kind = 'pattern'::public.training_example_kind) OR ((input IS NOT NULL) AND (expected_output IS NOT NULL))))
);
comment on table public.agent_training_examples is 'What an agent learns from: curated examples, corrections from feedback, learned patterns with confidence.';
comment on column public.agent_training_examples.actual_output is 'What the agent said, for corrections.';
comment on column public.agent_training_examples.pattern is 'A learned pattern: e.g. {"when": "refund asked", "prefer": "store credit offer"}.';
comment on column public.agent_training_examples.usage_count is 'How often the runtime put this example into a prompt.';

alter table public.agent_training_examples enable row level security;
grant insert, select, update, delete on public.agent_training_examples to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.agent_training_examples to service_role;

CREATE INDEX agent_training_examples_agent_idx ON public.agent_training_examples USING btree (workspace_id, agent_id) WHERE is_active;
CREATE INDEX agent_training_examples_created_by_idx ON public.agent_training_examples USING btree (created_by);
CREATE INDEX agent_training_examples_feedback_idx ON public.agent_training_examples USING btree (workspace_id, feedback_id);

create policy "members add" on public.agent_training_examples for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.agent_training_examples for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.agent_training_examples for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.agent_training_examples for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.agent_training_examples FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.agent_training_examples FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_actor BEFORE INSERT ON public.agent_training_examples FOR EACH ROW EXECUTE FUNCTION private.stamp_actor('created_by');
