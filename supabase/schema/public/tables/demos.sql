create table public.demos (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  name text not null,
  description text,
  status public.demo_status default 'draft'::public.demo_status not null,
  agent_name text default 'Demo Agent'::text not null,
  agent_personality text default 'Friendly and helpful'::text not null,
  agent_greeting text default 'Hello! I''m your demo agent. How can I help you today?'::text not null,
  agent_objectives text[] default '{}'::text[] not null,
  cta_text text,
  cta_link text,
  tavus_persona_id text,
  tavus_replica_id text,
  metadata jsonb default '{}'::jsonb not null,
  published_at timestamp with time zone,
  archived_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  conversation_minutes_budget integer default 300 not null,
  max_conversation_minutes integer default 10 not null,
  max_conversations_per_hour integer default 30 not null,
  constraint "demos_pkey" PRIMARY KEY (id),
  constraint "1-10000 conversations an hour" CHECK (((max_conversations_per_hour >= 1) AND (max_conversations_per_hour <= 10000))),
  constraint "a conversation lasts 1-60 minutes" CHECK (((max_conversation_minutes >= 1) AND (max_conversation_minutes <= 60))),
  constraint "agent greeting is at most 1000 characters" CHECK ((char_length(agent_greeting) <= 1000)),
  constraint "agent name must be 1-100 characters" CHECK (((char_length(btrim(agent_name)) >= 1) AND (char_length(btrim(agent_name)) <= 100))),
  constraint "agent personality is at most 2000 characters" CHECK ((char_length(agent_personality) <= 2000)),
  constraint "at most 20 objectives" CHECK ((cardinality(agent_objectives) <= 20)),
  constraint "call-to-action link must be an http(s) URL" CHECK (((cta_link ~ '^https?://[^\s]+$'::text) AND (char_length(cta_link) <= 2000))),
  constraint "call-to-action text is at most 200 characters" CHECK ((char_length(cta_text) <= 200)),
  constraint "conversation minutes budget must be 1-100000 a month" CHECK (((conversation_minutes_budget >= 1) AND (conversation_minutes_budget <= 100000))),
  constraint "demo description is at most 5000 characters" CHECK ((char_length(description) <= 5000)),
  constraint "demo name must be 1-255 characters" CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 255))),
  constraint "demos_metadata_check" CHECK ((jsonb_typeof(metadata) = 'object'::text)),
  constraint "demos_tavus_persona_id_check" CHECK ((char_length(tavus_persona_id) <= 255)),
  constraint "demos_tavus_replica_id_check" CHECK ((char_length(tavus_replica_id) <= 255)),
  constraint "demos_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "demos_workspace_id_id_key" UNIQUE (workspace_id, id)
);
comment on table public.demos is 'Interactive demos: an agent persona (name, personality, greeting, objectives) guiding visitors through ordered videos, with a call to action. Members build them; published ones are public through get_public_demo.';
comment on column public.demos.agent_objectives is 'What the agent steers the conversation towards.';
comment on column public.demos.tavus_persona_id is 'The Tavus persona the agent runs as.';
comment on column public.demos.published_at is 'When it was last published; null while never published.';
comment on column public.demos.conversation_minutes_budget is 'Tavus minutes the demo may use per calendar month (UTC); a start that would pass it is refused (429).';
comment on column public.demos.max_conversation_minutes is 'How long one conversation may last (Tavus max_call_duration); reserved from the budget until the conversation ends.';
comment on column public.demos.max_conversations_per_hour is 'Starts per hour across all visitors of the demo; more are refused (429).';

alter table public.demos enable row level security;
grant insert, select, update, delete on public.demos to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.demos to service_role;
alter publication supabase_realtime add table public.demos;

CREATE INDEX demos_workspace_idx ON public.demos USING btree (workspace_id, status, updated_at DESC);

create policy "members add" on public.demos for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.demos for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.demos for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.demos for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER create_demo_collection AFTER INSERT ON public.demos FOR EACH ROW EXECUTE FUNCTION private.create_demo_collection();
CREATE TRIGGER drop_demo_collection AFTER DELETE ON public.demos FOR EACH ROW EXECUTE FUNCTION private.drop_demo_collection();
CREATE TRIGGER guard_demo_status BEFORE INSERT OR UPDATE ON public.demos FOR EACH ROW EXECUTE FUNCTION private.guard_demo_status();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.demos FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.demos FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
