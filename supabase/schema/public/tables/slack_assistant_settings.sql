create table public.slack_assistant_settings (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  setting_key text not null,
  setting_value jsonb not null,
  updated_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "slack_assistant_settings_pkey" PRIMARY KEY (id),
  constraint "slack_assistant_settings_setting_key_check" CHECK ((setting_key ~ '^[a-z][a-z0-9_.]{0,63}$'::text)),
  constraint "slack_assistant_settings_updated_by_fkey" FOREIGN KEY (updated_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "slack_assistant_settings_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "slack_assistant_settings_workspace_id_setting_key_key" UNIQUE (workspace_id, setting_key)
);
comment on table public.slack_assistant_settings is 'The Slack assistant''s configuration per workspace, key -> JSON value (e.g. digest.channel, standup.time). Admins change it.';

alter table public.slack_assistant_settings enable row level security;
grant insert, select, update, delete on public.slack_assistant_settings to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.slack_assistant_settings to service_role;

CREATE INDEX slack_assistant_settings_updated_by_idx ON public.slack_assistant_settings USING btree (updated_by);

create policy "admins add" on public.slack_assistant_settings for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins change" on public.slack_assistant_settings for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins remove" on public.slack_assistant_settings for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.slack_assistant_settings for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.slack_assistant_settings FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.slack_assistant_settings FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_updated_by BEFORE INSERT ON public.slack_assistant_settings FOR EACH ROW EXECUTE FUNCTION private.stamp_updated_by();
CREATE TRIGGER stamp_updated_by_update BEFORE UPDATE ON public.slack_assistant_settings FOR EACH ROW WHEN ((NOT ((old.updated_by IS NOT NULL) AND (new.updated_by IS NULL) AND private.only_deleted_users_cleared(ARRAY[old.updated_by], ARRAY[new.updated_by])))) EXECUTE FUNCTION private.stamp_updated_by();
