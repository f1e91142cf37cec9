create table public.agents (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  key text not null,
  name text not null,
  role text not null,
  description text,
  email text,
  status public.agent_status default 'active'::public.agent_status not null,
  capabilities text[] default '{}'::text[] not null,
  model_id uuid,
  system_prompt text,
  temperature numeric(3,2),
  max_output_tokens integer,
  personality_formality smallint default 50 not null,
  personality_verbosity smallint default 50 not null,
  personality_warmth smallint default 50 not null,
  preferred_greeting text,
  signature text,
  requires_approval boolean default true not null,
  settings jsonb default '{}'::jsonb not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  allowed_actions public.approval_action[] default '{}'::public.approval_action[] not null,
  constraint "agents_pkey" PRIMARY KEY (id),
  constraint "agents_allowed_actions_check" CHECK ((cardinality(allowed_actions) <= 30)),
  constraint "agents_capabilities_check" CHECK ((cardinality(capabilities) <= 50)),
  constraint "agents_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "agents_description_check" CHECK ((char_length(description) <= 4000)),
  constraint "agents_email_check" CHECK ((email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text)),
  constraint "agents_key_check" CHECK ((key ~ '^[a-z][a-z0-9_-]{1,62}$'::text)),
  constraint "agents_max_output_tokens_check" CHECK (((max_output_tokens >= 1) AND (max_output_tokens <= 200000))),
  constraint "agents_model_id_fkey" FOREIGN KEY (model_id) REFERENCES public.ai_models(id) ON DELETE SET NULL,
  constraint "agents_name_check" CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 120))),
  constraint "agents_personality_formality_check" CHECK (((personality_formality >= 0) AND (personality_formality <= 100))),
  constraint "agents_personality_verbosity_check" CHECK (((personality_verbosity >= 0) AND (personality_verbosity <= 100))),
  constraint "agents_personality_warmth_check" CHECK (((personality_warmth >= 0) AND (personality_warmth <= 100))),
  constraint "agents_preferred_greeting_check" CHECK ((char_length(preferred_greeting) <= 500)),
  constraint "agents_role_check" CHECK (((char_length(role) >= 1) AND (char_length(role) <= 200))),
  constraint "agents_settings_check" CHECK ((jsonb_typeof(settings) = 'object'::text)),
  constraint "agents_signature_check" CHECK ((char_length(signature) <= 500)),
  constraint "agents_system_prompt_check" CHECK ((char_length(system_prompt) <= 50000)),
  constraint "agents_temperature_check" CHECK (((temperature >= (0)::numeric) AND (temperature <= (2)::numeric))),
  constraint "agents_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "agents_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "agents_workspace_id_key_key" UNIQUE (workspace_id, key)
);
comment on table public.agents is 'AI agents of a workspace with their personality. Viewers read; admins configure. Memories: the knowledge collection with scope agent and owner_id = id.';
comment on column public.agents.key is 'Stable handle used by code and prompts (e.g. cx-responder), unique in the workspace.';
comment on column public.agents.role is 'What the agent does, in words (support replies, ads optimisation ...).';
comment on column public.agents.email is 'The mailbox the agent writes from, if any.';
comment on column public.agents.capabilities is 'Skill tags the runtime checks before giving the agent a task (draft_reply, pause_campaign ...).';
comment on column public.agents.model_id is 'The registry model it uses; NULL means the provider''s default flagship (get_default_model).';
comment on column public.agents.personality_formality is 'Personality trait 0-100: 0 casual, 100 formal.';
comment on column public.agents.personality_verbosity is 'Personality trait 0-100: 0 terse, 100 expansive.';
comment on column public.agents.personality_warmth is 'Personality trait 0-100: 0 matter-of-fact, 100 warm.';
comment on column public.agents.requires_approval is 'Whether the agent''s actions go through the approval queue (agent_approvals) before they run.';
comment on column public.agents.allowed_actions is 'The approval kinds this agent may propose (its proposal tools, and private.propose_from_agent_run checks it). Empty: the agent only reads and writes.';

alter table public.agents enable row level security;
grant insert, select, update, delete on public.agents to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.agents to service_role;

CREATE INDEX agents_created_by_idx ON public.agents USING btree (created_by);
CREATE INDEX agents_model_id_idx ON public.agents USING btree (model_id);

create policy "admins add" on public.agents for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins change" on public.agents for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins remove" on public.agents for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.agents for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.agents FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.agents FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_actor BEFORE INSERT ON public.agents FOR EACH ROW EXECUTE FUNCTION private.stamp_actor('created_by');
