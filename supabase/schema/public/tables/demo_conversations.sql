create table public.demo_conversations (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  demo_id uuid not null,
  conversation_id text not null,
  conversation_url text,
  status public.demo_conversation_status default 'created'::public.demo_conversation_status not null,
  started_at timestamp with time zone,
  ended_at timestamp with time zone,
  shutdown_reason text,
  perception_analysis text,
  transcript_ready_at timestamp with time zone,
  last_event_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  max_minutes integer,
  cta_clicked_at timestamp with time zone,
  analysed_at timestamp with time zone,
  constraint "demo_conversations_pkey" PRIMARY KEY (id),
  constraint "demo_conversations_conversation_id_check" CHECK (((char_length(conversation_id) >= 1) AND (char_length(conversation_id) <= 255))),
  constraint "demo_conversations_conversation_url_check" CHECK ((char_length(conversation_url) <= 2000)),
  constraint "demo_conversations_max_minutes_check" CHECK (((max_minutes >= 1) AND (max_minutes <= 60))),
  constraint "demo_conversations_perception_analysis_check" CHECK ((char_length(perception_analysis) <= 20000)),
  constraint "demo_conversations_shutdown_reason_check" CHECK ((char_length(shutdown_reason) <= 500)),
  constraint "demo_conversations_workspace_id_conversation_id_key" UNIQUE (workspace_id, conversation_id),
  constraint "demo_conversations_workspace_id_demo_id_fkey" FOREIGN KEY (workspace_id, demo_id) REFERENCES public.demos(workspace_id, id) ON DELETE CASCADE,
  constraint "demo_conversations_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.demo_conversations is 'A visitor''s Tavus conversation with a demo''s agent: linked when our system starts it, moved along by Tavus webhook events (replica joined, shutdown, transcript, perception). Its messages are conversation_messages with this conversation_id.';
comment on column public.demo_conversations.perception_analysis is 'Tavus'' visual perception summary of the visitor (application.perception_analysis).';
comment on column public.demo_conversations.last_event_at is 'Timestamp of the latest Tavus event about it.';
comment on column public.demo_conversations.max_minutes is 'The length the conversation was started with: counted against the demo''s budget until it ends.';
comment on column public.demo_conversations.cta_clicked_at is 'When the visitor followed the demo''s call to action during or after this conversation (record_demo_cta_click).';
comment on column public.demo_conversations.analysed_at is 'When the messages got their sentiment, intent and confidence.';

alter table public.demo_conversations enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.demo_conversations to service_role;
grant select on public.demo_conversations to authenticated;
alter publication supabase_realtime add table public.demo_conversations;

CREATE INDEX demo_conversations_demo_idx ON public.demo_conversations USING btree (workspace_id, demo_id, created_at DESC);

create policy "viewers read" on public.demo_conversations for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.demo_conversations FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER link_conversation_messages AFTER INSERT ON public.demo_conversations FOR EACH ROW EXECUTE FUNCTION private.link_conversation_messages();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.demo_conversations FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
