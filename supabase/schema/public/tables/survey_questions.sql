create table public.survey_questions (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  source text default 'fairing'::text not null,
  external_id text not null,
  prompt text not null,
  kind public.survey_question_kind default 'single_choice'::public.survey_question_kind not null,
  options text[] default '{}'::text[] not null,
  active boolean default true not null,
  position integer default 0 not null,
  response_count integer default 0 not null,
  last_response_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  attribution boolean default false not null,
  constraint "survey_questions_pkey" PRIMARY KEY (id),
  constraint "survey_questions_external_id_check" CHECK (((char_length(external_id) >= 1) AND (char_length(external_id) <= 128))),
  constraint "survey_questions_options_count" CHECK ((cardinality(options) <= 100)),
  constraint "survey_questions_prompt_length" CHECK (((char_length(btrim(prompt)) >= 1) AND (char_length(btrim(prompt)) <= 1000))),
  constraint "survey_questions_response_count_check" CHECK ((response_count >= 0)),
  constraint "survey_questions_source_check" CHECK ((source ~ '^[a-z0-9_-]{1,32}$'::text)),
  constraint "survey_questions_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "survey_questions_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "survey_questions_workspace_id_source_external_id_key" UNIQUE (workspace_id, source, external_id)
);
comment on table public.survey_questions is 'Post-purchase survey questions, synced from the survey tool (Fairing) by public.import_survey. Members may reorder or deactivate them; response_count is kept by trigger.';
comment on column public.survey_questions.source is 'The survey tool the question comes from; with external_id the sync''s idempotency key.';
comment on column public.survey_questions.external_id is 'The question''s id in the survey tool.';
comment on column public.survey_questions.options is 'The answer options offered (choice questions).';
comment on column public.survey_questions.response_count is 'Responses to this question in survey_responses, kept by trigger.';
comment on column public.survey_questions.last_response_at is 'Time of the latest response seen (never moves back when responses are deleted).';
comment on column public.survey_questions.attribution is 'The answers say which channel brought the customer ("How did you hear about us?"): set when a question is first imported and its prompt reads like that; members change it. self_reported_attribution reads these answers.';

alter table public.survey_questions enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.survey_questions to service_role;
grant select, delete on public.survey_questions to authenticated;
grant update (active) on public.survey_questions to authenticated;
grant update (position) on public.survey_questions to authenticated;
grant update (attribution) on public.survey_questions to authenticated;

create policy "members add" on public.survey_questions for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.survey_questions for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.survey_questions for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.survey_questions for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.survey_questions FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.survey_questions FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER survey_question_attribution BEFORE INSERT ON public.survey_questions FOR EACH ROW EXECUTE FUNCTION private.survey_question_attribution();
