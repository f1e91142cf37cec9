create table public.meeting_transcripts (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  title text not null,
  created_by uuid default auth.uid(),
  slack_channel_id text,
  meeting_at timestamp with time zone,
  duration_seconds integer,
  participants text[] default '{}'::text[] not null,
  transcript_text text not null,
  key_insights text[] default '{}'::text[] not null,
  action_items jsonb default '[]'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "meeting_transcripts_pkey" PRIMARY KEY (id),
  constraint "meeting_transcripts_action_items_check" CHECK ((jsonb_typeof(action_items) = 'array'::text)),
  constraint "meeting_transcripts_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "meeting_transcripts_duration_seconds_check" CHECK ((duration_seconds > 0)),
  constraint "meeting_transcripts_title_check" CHECK (((char_length(btrim(title)) >= 1) AND (char_length(btrim(title)) <= 500))),
  constraint "meeting_transcripts_transcript_text_check" CHECK (((char_length(transcript_text) >= 1) AND (char_length(transcript_text) <= 1000000))),
  constraint "meeting_transcripts_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "meeting_transcripts_workspace_id_slack_channel_id_fkey" FOREIGN KEY (workspace_id, slack_channel_id) REFERENCES public.slack_channels(workspace_id, slack_channel_id) ON DELETE SET NULL (slack_channel_id)
);
comment on table public.meeting_transcripts is 'Meeting recordings transcribed for the assistant: the text, insights and action items ([{"owner": "...", "task": "...", "due": "2026-12-01"}]).';
comment on column public.meeting_transcripts.slack_channel_id is 'Where the assistant posted the summary, if anywhere.';

alter table public.meeting_transcripts enable row level security;
grant insert, select, update, delete on public.meeting_transcripts to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.meeting_transcripts to service_role;

CREATE INDEX meeting_transcripts_channel_idx ON public.meeting_transcripts USING btree (workspace_id, slack_channel_id);
CREATE INDEX meeting_transcripts_created_by_idx ON public.meeting_transcripts USING btree (created_by);
CREATE INDEX meeting_transcripts_workspace_idx ON public.meeting_transcripts USING btree (workspace_id, meeting_at DESC);

create policy "members add" on public.meeting_transcripts for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.meeting_transcripts for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.meeting_transcripts for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.meeting_transcripts for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.meeting_transcripts FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.meeting_transcripts FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
