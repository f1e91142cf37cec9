create table public.conversation_messages (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  conversation_id text not null,
  message_index integer not null,
  role public.conversation_role not null,
  content text not null,
  content_length integer generated always as (char_length(content)) stored,
  occurred_at timestamp with time zone,
  demo_id uuid,
  sentiment text,
  intent text,
  confidence numeric(3,2),
  created_at timestamp with time zone default now() not null,
  constraint "conversation_messages_pkey" PRIMARY KEY (id),
  constraint "confidence must be between 0 and 1" CHECK (((confidence >= (0)::numeric) AND (confidence <= (1)::numeric))),
  constraint "conversation_messages_conversation_id_check" CHECK (((char_length(conversation_id) >= 1) AND (char_length(conversation_id) <= 255))),
  constraint "conversation_messages_demo_fkey" FOREIGN KEY (workspace_id, demo_id) REFERENCES public.demos(workspace_id, id) ON DELETE SET NULL (demo_id),
  constraint "conversation_messages_intent_check" CHECK ((char_length(intent) <= 128)),
  constraint "conversation_messages_message_index_check" CHECK ((message_index >= 0)),
  constraint "conversation_messages_sentiment_check" CHECK ((char_length(sentiment) <= 32)),
  constraint "conversation_messages_workspace_id_conversation_id_message__key" UNIQUE (workspace_id, conversation_id, message_index),
  constraint "conversation_messages_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.conversation_messages is 'Messages of AI video conversations (Tavus), extracted from transcription_ready events; one row per message, replays add nothing.';
comment on column public.conversation_messages.message_index is 'Position in the transcript (Tavus messages carry no id).';
comment on column public.conversation_messages.demo_id is 'The demo the conversation was about (from demo_conversations); null when the conversation is not linked to a demo.';
comment on column public.conversation_messages.sentiment is 'positive, neutral or negative, from message analysis.';
comment on column public.conversation_messages.intent is 'What the speaker wanted (pricing_question, objection ...), from message analysis.';
comment on column public.conversation_messages.confidence is 'Confidence of sentiment and intent, 0-1.';

alter table public.conversation_messages enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.conversation_messages to service_role;
grant select on public.conversation_messages to authenticated;
alter publication supabase_realtime add table public.conversation_messages;

CREATE INDEX conversation_messages_demo_idx ON public.conversation_messages USING btree (workspace_id, demo_id);

create policy "viewers read" on public.conversation_messages for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER conversation_transcript_arrived AFTER INSERT ON public.conversation_messages REFERENCING NEW TABLE AS new_messages FOR EACH STATEMENT EXECUTE FUNCTION private.conversation_transcript_arrived();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.conversation_messages FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER link_message_demo BEFORE INSERT ON public.conversation_messages FOR EACH ROW EXECUTE FUNCTION private.link_message_demo();
