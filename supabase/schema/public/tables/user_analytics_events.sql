create table public.user_analytics_events (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  user_id uuid default auth.uid() not null,
  occurred_at timestamp with time zone default now() not null,
  event_name text not null,
  page text,
  session_id text,
  properties jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  constraint "user_analytics_events_pkey" PRIMARY KEY (workspace_id, occurred_at, id),
  constraint "user_analytics_events_event_name_check" CHECK ((event_name ~ '^[a-z][a-z0-9_.:-]{0,99}$'::text)),
  constraint "user_analytics_events_page_check" CHECK ((char_length(page) <= 2000)),
  constraint "user_analytics_events_properties_check" CHECK ((jsonb_typeof(properties) = 'object'::text)),
  constraint "user_analytics_events_session_id_check" CHECK ((char_length(session_id) <= 200)),
  constraint "user_analytics_events_user_id_fkey" FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE,
  constraint "user_analytics_events_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
) partition by RANGE (occurred_at);
-- partitions by month in private, made ahead and dropped by pg_cron (private.maintain_partitions)
comment on table public.user_analytics_events is 'What our users do in the app (e.g. form friction: {"form", "field", "friction"}), partitioned by month of occurred_at. Each user writes and reads their own; admins read the workspace''s. Kept events_retention_days (default 395).';

alter table public.user_analytics_events enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.user_analytics_events to service_role;
grant select on public.user_analytics_events to authenticated;
grant insert (workspace_id) on public.user_analytics_events to authenticated;
grant insert (occurred_at) on public.user_analytics_events to authenticated;
grant insert (event_name) on public.user_analytics_events to authenticated;
grant insert (page) on public.user_analytics_events to authenticated;
grant insert (session_id) on public.user_analytics_events to authenticated;
grant insert (properties) on public.user_analytics_events to authenticated;

CREATE INDEX user_analytics_events_name_idx ON ONLY public.user_analytics_events USING btree (workspace_id, event_name, occurred_at DESC);
CREATE INDEX user_analytics_events_user_idx ON ONLY public.user_analytics_events USING btree (user_id, occurred_at DESC);

create policy "admins read" on public.user_analytics_events for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "users read their events" on public.user_analytics_events for select to authenticated
  using (((user_id = ( SELECT auth.uid() AS uid)) AND (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids)))));
create policy "users record their events" on public.user_analytics_events for insert to authenticated
  with check (((user_id = ( SELECT auth.uid() AS uid)) AND (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids)))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.user_analytics_events FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER stamp_actor BEFORE INSERT ON public.user_analytics_events FOR EACH ROW EXECUTE FUNCTION private.stamp_actor('user_id');
