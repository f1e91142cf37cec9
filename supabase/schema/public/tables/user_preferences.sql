create table public.user_preferences (
  user_id uuid default auth.uid() not null,
  interface_mode public.interface_mode default 'simple'::public.interface_mode not null,
  timezone text default 'UTC'::text not null,
  locale text default 'en'::text not null,
  theme text default 'system'::text not null,
  default_workspace_id uuid,
  notifications jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "user_preferences_pkey" PRIMARY KEY (user_id),
  constraint "locale must be a language tag such as en or en-GB" CHECK ((locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'::text)),
  constraint "notifications must be a JSON object" CHECK ((jsonb_typeof(notifications) = 'object'::text)),
  constraint "theme must be system, light or dark" CHECK ((theme = ANY (ARRAY['system'::text, 'light'::text, 'dark'::text]))),
  constraint "timezone must be 1 to 64 characters" CHECK (((char_length(timezone) >= 1) AND (char_length(timezone) <= 64))),
  constraint "user_preferences_default_workspace_id_fkey" FOREIGN KEY (default_workspace_id) REFERENCES public.workspaces(id) ON DELETE SET NULL,
  constraint "user_preferences_user_id_fkey" FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE
);
comment on table public.user_preferences is 'One row per user: interface mode, locale, notification settings. Only its owner reads or writes it.';
comment on column public.user_preferences.notifications is 'Per-channel switches, e.g. {"email": {"approvals": true}}.';

alter table public.user_preferences enable row level security;
grant insert, select, update, delete on public.user_preferences to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.user_preferences to service_role;

CREATE INDEX user_preferences_default_workspace_id_idx ON public.user_preferences USING btree (default_workspace_id);

create policy "users change their preferences" on public.user_preferences for update to authenticated
  using ((user_id = ( SELECT auth.uid() AS uid)))
  with check (((user_id = ( SELECT auth.uid() AS uid)) AND ((default_workspace_id IS NULL) OR (default_workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))))));
create policy "users create their preferences" on public.user_preferences for insert to authenticated
  with check (((user_id = ( SELECT auth.uid() AS uid)) AND ((default_workspace_id IS NULL) OR (default_workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))))));
create policy "users delete their preferences" on public.user_preferences for delete to authenticated
  using ((user_id = ( SELECT auth.uid() AS uid)));
create policy "users read their preferences" on public.user_preferences for select to authenticated
  using ((user_id = ( SELECT auth.uid() AS uid)));

CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.user_preferences FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
