create table public.autopilot_activity_log (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  activity_type public.autopilot_activity_type not null,
  description text not null,
  entity_type text,
  entity_id uuid,
  metadata jsonb default '{}'::jsonb not null,
  actor_kind public.actor_kind default 'system'::public.actor_kind not null,
  actor_id uuid,
  created_at timestamp with time zone default now() not null,
  constraint "autopilot_activity_log_pkey" PRIMARY KEY (id),
  constraint "a description has 1 to 2000 characters" CHECK (((char_length(btrim(description)) >= 1) AND (char_length(btrim(description)) <= 2000))),
  constraint "autopilot_activity_log_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "entity_type is a table-like name" CHECK ((entity_type ~ '^[a-z_]{1,64}$'::text)),
  constraint "metadata is a JSON object" CHECK ((jsonb_typeof(metadata) = 'object'::text))
);
comment on table public.autopilot_activity_log is 'Append-only audit of what the autopilot did: reports, proposals, config changes, workflow actions. Written by the database''s own functions; API roles only read it.';
comment on column public.autopilot_activity_log.entity_type is 'What the entry is about (campaigns, ad_campaigns, leads, autopilot_weekly_reports ...), with entity_id.';
comment on column public.autopilot_activity_log.metadata is 'Figures behind the entry (impact, before/after values).';
comment on column public.autopilot_activity_log.actor_id is 'The user whose change is logged (config changes); null for the system. Not a foreign key: history outlives users.';

alter table public.autopilot_activity_log enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.autopilot_activity_log to service_role;
grant select on public.autopilot_activity_log to authenticated;
alter publication supabase_realtime add table public.autopilot_activity_log;

CREATE INDEX autopilot_activity_log_workspace_created_idx ON public.autopilot_activity_log USING btree (workspace_id, created_at DESC);

create policy "viewers read" on public.autopilot_activity_log for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.autopilot_activity_log FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
