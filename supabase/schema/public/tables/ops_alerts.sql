create table public.ops_alerts (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  alert_type text not null,
  severity public.ops_severity default 'medium'::public.ops_severity not null,
  title text not null,
  message text,
  source text,
  error_id uuid,
  dedupe_key text,
  status public.ops_alert_status default 'open'::public.ops_alert_status not null,
  acknowledged_by uuid,
  acknowledged_at timestamp with time zone,
  resolved_by uuid,
  resolved_at timestamp with time zone,
  slack_message_ts text,
  details jsonb default '{}'::jsonb not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  slack_channel_id text,
  constraint "ops_alerts_pkey" PRIMARY KEY (id),
  constraint "ops_alerts_acknowledged_by_fkey" FOREIGN KEY (acknowledged_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "ops_alerts_alert_type_check" CHECK ((alert_type ~ '^[a-z][a-z0-9_]{0,63}$'::text)),
  constraint "ops_alerts_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "ops_alerts_dedupe_key_check" CHECK (((char_length(dedupe_key) >= 1) AND (char_length(dedupe_key) <= 200))),
  constraint "ops_alerts_details_check" CHECK ((jsonb_typeof(details) = 'object'::text)),
  constraint "ops_alerts_message_check" CHECK ((char_length(message) <= 10000)),
  constraint "ops_alerts_resolved_by_fkey" FOREIGN KEY (resolved_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "ops_alerts_slack_channel_id_check" CHECK ((slack_channel_id ~ '^[A-Z0-9]{2,32}$'::text)),
  constraint "ops_alerts_slack_message_ts_check" CHECK ((char_length(slack_message_ts) <= 64)),
  constraint "ops_alerts_source_check" CHECK ((char_length(source) <= 120)),
  constraint "ops_alerts_title_check" CHECK (((char_length(btrim(title)) >= 1) AND (char_length(btrim(title)) <= 200))),
  constraint "ops_alerts_workspace_id_error_id_fkey" FOREIGN KEY (workspace_id, error_id) REFERENCES public.ops_errors(workspace_id, id) ON DELETE SET NULL (error_id),
  constraint "ops_alerts_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "ops_alerts_workspace_id_id_key" UNIQUE (workspace_id, id)
);
comment on table public.ops_alerts is 'Alerts: raised by health checks, error spikes or people; acknowledged and resolved by members. At most one unresolved alert per dedupe key. Realtime.';
comment on column public.ops_alerts.alert_type is 'What raised it: health, error, budget, manual ...';
comment on column public.ops_alerts.dedupe_key is 'At most one unresolved alert per workspace and key (e.g. health:shopify).';
comment on column public.ops_alerts.slack_message_ts is 'The Slack message that announced it, to thread updates.';
comment on column public.ops_alerts.slack_channel_id is 'The Slack channel the alert was posted to; slack_message_ts is its message, edited as the alert changes.';

alter table public.ops_alerts enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.ops_alerts to service_role;
grant select on public.ops_alerts to authenticated;
grant insert (id) on public.ops_alerts to authenticated;
grant insert (workspace_id) on public.ops_alerts to authenticated;
grant insert (alert_type) on public.ops_alerts to authenticated;
grant insert, update (severity) on public.ops_alerts to authenticated;
grant insert (title) on public.ops_alerts to authenticated;
grant insert (message) on public.ops_alerts to authenticated;
grant insert (source) on public.ops_alerts to authenticated;
grant insert (error_id) on public.ops_alerts to authenticated;
grant insert (dedupe_key) on public.ops_alerts to authenticated;
grant update (status) on public.ops_alerts to authenticated;
grant update (slack_message_ts) on public.ops_alerts to authenticated;
grant insert (details) on public.ops_alerts to authenticated;
alter publication supabase_realtime add table public.ops_alerts;

CREATE INDEX ops_alerts_acknowledged_by_idx ON public.ops_alerts USING btree (acknowledged_by);
CREATE INDEX ops_alerts_created_by_idx ON public.ops_alerts USING btree (created_by);
CREATE INDEX ops_alerts_error_idx ON public.ops_alerts USING btree (workspace_id, error_id);
CREATE UNIQUE INDEX ops_alerts_open_dedupe ON public.ops_alerts USING btree (workspace_id, dedupe_key) WHERE (status <> 'resolved'::public.ops_alert_status);
CREATE INDEX ops_alerts_queue_idx ON public.ops_alerts USING btree (workspace_id, status, created_at DESC);
CREATE INDEX ops_alerts_resolved_by_idx ON public.ops_alerts USING btree (resolved_by);

create policy "members add" on public.ops_alerts for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.ops_alerts for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.ops_alerts for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER guard_ops_alert BEFORE INSERT ON public.ops_alerts FOR EACH ROW EXECUTE FUNCTION private.guard_ops_alert();
CREATE TRIGGER guard_ops_alert_update BEFORE UPDATE ON public.ops_alerts FOR EACH ROW WHEN ((NOT ((((old.acknowledged_by IS NOT NULL) AND (new.acknowledged_by IS NULL)) OR ((old.created_by IS NOT NULL) AND (new.created_by IS NULL)) OR ((old.resolved_by IS NOT NULL) AND (new.resolved_by IS NULL))) AND private.only_deleted_users_cleared(ARRAY[old.acknowledged_by, old.created_by, old.resolved_by], ARRAY[new.acknowledged_by, new.created_by, new.resolved_by])))) EXECUTE FUNCTION private.guard_ops_alert();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.ops_alerts FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.ops_alerts FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER slack_notify AFTER INSERT OR UPDATE OF status, severity, title ON public.ops_alerts FOR EACH ROW EXECUTE FUNCTION private.slack_notify_row();
CREATE TRIGGER stamp_actor BEFORE INSERT ON public.ops_alerts FOR EACH ROW EXECUTE FUNCTION private.stamp_actor('created_by');
