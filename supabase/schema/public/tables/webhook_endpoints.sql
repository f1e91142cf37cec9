create table public.webhook_endpoints (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  url text not null,
  description text,
  events text[] not null,
  enabled boolean default true not null,
  consecutive_failures integer default 0 not null,
  disabled_at timestamp with time zone,
  disabled_reason text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "webhook_endpoints_pkey" PRIMARY KEY (id),
  constraint "description must be at most 500 characters" CHECK ((char_length(description) <= 500)),
  constraint "url must be an http(s) URL of at most 2000 characters" CHECK (((url ~ '^https?://[^\s/$.?#][^\s]*$'::text) AND (char_length(url) <= 2000))),
  constraint "webhook_endpoints_disabled_reason_check" CHECK ((char_length(disabled_reason) <= 500)),
  constraint "webhook_endpoints_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "webhook_endpoints_workspace_id_id_key" UNIQUE (workspace_id, id)
);
comment on table public.webhook_endpoints is 'Where a workspace wants events sent. Admins manage them; the signing secret lives in private.webhook_endpoint_secrets and is shown once at creation. A URL must be public https (http and loopback only in local development): refused at registration from the URL (22023), and at every delivery after resolving its host.';
comment on column public.webhook_endpoints.consecutive_failures is 'Failed attempts since the last success; at 50 the endpoint is disabled.';

alter table public.webhook_endpoints enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.webhook_endpoints to service_role;
grant select, delete on public.webhook_endpoints to authenticated;
grant insert (id) on public.webhook_endpoints to authenticated;
grant insert (workspace_id) on public.webhook_endpoints to authenticated;
grant insert, update (url) on public.webhook_endpoints to authenticated;
grant insert, update (description) on public.webhook_endpoints to authenticated;
grant insert, update (events) on public.webhook_endpoints to authenticated;
grant update (enabled) on public.webhook_endpoints to authenticated;

CREATE INDEX webhook_endpoints_workspace_id_idx ON public.webhook_endpoints USING btree (workspace_id);

create policy "admins add" on public.webhook_endpoints for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins change" on public.webhook_endpoints for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins read" on public.webhook_endpoints for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins remove" on public.webhook_endpoints for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER check_endpoint_events BEFORE INSERT OR UPDATE OF events ON public.webhook_endpoints FOR EACH ROW EXECUTE FUNCTION private.check_endpoint_events();
CREATE TRIGGER check_webhook_endpoint_url BEFORE INSERT OR UPDATE OF url ON public.webhook_endpoints FOR EACH ROW EXECUTE FUNCTION private.check_webhook_endpoint_url();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.webhook_endpoints FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.webhook_endpoints FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
