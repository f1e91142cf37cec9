create table public.survey_answer_counts (
  workspace_id uuid not null,
  question_id uuid not null,
  answer text not null,
  responses integer not null,
  constraint "survey_answer_counts_pkey" PRIMARY KEY (question_id, workspace_id, answer),
  constraint "survey_answer_counts_responses_check" CHECK ((responses > 0)),
  constraint "survey_answer_counts_workspace_id_question_id_fkey" FOREIGN KEY (workspace_id, question_id) REFERENCES public.survey_questions(workspace_id, id) ON DELETE CASCADE
);
comment on table public.survey_answer_counts is 'How many responses chose each answer of each question, kept by triggers on survey_responses; answers nobody chose have no row. Read-only for API roles.';

alter table public.survey_answer_counts enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.survey_answer_counts to service_role;
grant select on public.survey_answer_counts to authenticated;

CREATE INDEX survey_answer_counts_workspace_idx ON public.survey_answer_counts USING btree (workspace_id, question_id, responses DESC);

create policy "viewers read" on public.survey_answer_counts for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id ON public.survey_answer_counts FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id');
