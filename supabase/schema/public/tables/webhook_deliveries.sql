create table public.webhook_deliveries (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  endpoint_id uuid not null,
  message_id text default ('msg_'::text || replace((gen_random_uuid())::text, '-'::text, ''::text)) not null,
  event_type text not null,
  payload jsonb not null,
  status public.webhook_delivery_status default 'pending'::public.webhook_delivery_status not null,
  attempts integer default 0 not null,
  next_attempt_at timestamp with time zone default now() not null,
  last_status_code integer,
  last_error text,
  delivered_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  constraint "webhook_deliveries_pkey" PRIMARY KEY (id),
  constraint "webhook_deliveries_endpoint_id_fkey" FOREIGN KEY (endpoint_id, workspace_id) REFERENCES public.webhook_endpoints(id, workspace_id) ON DELETE CASCADE,
  constraint "webhook_deliveries_endpoint_id_message_id_key" UNIQUE (endpoint_id, message_id),
  constraint "webhook_deliveries_last_error_check" CHECK ((char_length(last_error) <= 2000)),
  constraint "webhook_deliveries_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.webhook_deliveries is 'One event for one endpoint, retried with exponential backoff and jitter until a 2xx or the 8th failure (then dead). message_id is the webhook-id header: the same on every retry.';

alter table public.webhook_deliveries enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.webhook_deliveries to service_role;
grant select on public.webhook_deliveries to authenticated;
alter publication supabase_realtime add table public.webhook_deliveries;

CREATE INDEX webhook_deliveries_due_idx ON public.webhook_deliveries USING btree (next_attempt_at) WHERE (status = 'pending'::public.webhook_delivery_status);
CREATE INDEX webhook_deliveries_endpoint_id_workspace_id_idx ON public.webhook_deliveries USING btree (endpoint_id, workspace_id);
CREATE INDEX webhook_deliveries_workspace_id_idx ON public.webhook_deliveries USING btree (workspace_id, created_at DESC);

create policy "admins read" on public.webhook_deliveries for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER dispatch_new_deliveries AFTER INSERT ON public.webhook_deliveries REFERENCING NEW TABLE AS queued FOR EACH STATEMENT EXECUTE FUNCTION private.dispatch_new_deliveries();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.webhook_deliveries FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
