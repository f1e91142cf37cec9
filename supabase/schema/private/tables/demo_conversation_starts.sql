create table private.demo_conversation_starts (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  demo_id uuid not null,
  minutes integer not null,
  created_at timestamp with time zone default now() not null,
  constraint "demo_conversation_starts_pkey" PRIMARY KEY (id),
  constraint "demo_conversation_starts_minutes_check" CHECK (((minutes >= 1) AND (minutes <= 60))),
  constraint "demo_conversation_starts_workspace_id_demo_id_fkey" FOREIGN KEY (workspace_id, demo_id) REFERENCES public.demos(workspace_id, id) ON DELETE CASCADE,
  constraint "demo_conversation_starts_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table private.demo_conversation_starts is 'A start in flight: its minutes are held from the demo''s budget while Tavus is asked, until linked, released, or two minutes old. Service only.';

alter table private.demo_conversation_starts enable row level security;

CREATE INDEX demo_conversation_starts_demo_idx ON private.demo_conversation_starts USING btree (workspace_id, demo_id, created_at);

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON private.demo_conversation_starts FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
