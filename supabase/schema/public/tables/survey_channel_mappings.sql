create table public.survey_channel_mappings (
  workspace_id uuid not null,
  source text default 'fairing'::text not null,
  answer text not null,
  channel public.marketing_channel not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "survey_channel_mappings_pkey" PRIMARY KEY (workspace_id, source, answer),
  constraint "survey_channel_mappings_answer_check" CHECK ((((char_length(answer) >= 1) AND (char_length(answer) <= 500)) AND (answer = lower(btrim(answer))))),
  constraint "survey_channel_mappings_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "survey_channel_mappings_source_check" CHECK ((source ~ '^[a-z0-9_-]{1,32}$'::text)),
  constraint "survey_channel_mappings_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.survey_channel_mappings is 'Which marketing channel an answer to an attribution question means ("instagram" -> paid_social), per survey tool; answers without a row follow private.survey_answer_channel''s keyword rule. Members manage.';
comment on column public.survey_channel_mappings.answer is 'The answer, lower-cased and trimmed.';

alter table public.survey_channel_mappings enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.survey_channel_mappings to service_role;
grant select, delete on public.survey_channel_mappings to authenticated;
grant insert (workspace_id) on public.survey_channel_mappings to authenticated;
grant insert (source) on public.survey_channel_mappings to authenticated;
grant insert (answer) on public.survey_channel_mappings to authenticated;
grant insert, update (channel) on public.survey_channel_mappings to authenticated;

CREATE INDEX survey_channel_mappings_created_by_idx ON public.survey_channel_mappings USING btree (created_by);

create policy "members add" on public.survey_channel_mappings for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.survey_channel_mappings for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.survey_channel_mappings for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.survey_channel_mappings for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.survey_channel_mappings FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.survey_channel_mappings FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_actor BEFORE INSERT ON public.survey_channel_mappings FOR EACH ROW EXECUTE FUNCTION private.stamp_actor('created_by');
