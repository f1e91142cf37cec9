create table public.email_sender_settings (
  workspace_id uuid not null,
  from_name text,
  from_email text not null,
  reply_to text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "email_sender_settings_pkey" PRIMARY KEY (workspace_id),
  constraint "email_sender_settings_from_email_check" CHECK (((from_email = lower(from_email)) AND (from_email ~ '^[^@\s<>"]+@[^@\s<>"]+\.[^@\s<>"]+$'::text) AND (char_length(from_email) <= 320))),
  constraint "email_sender_settings_from_name_check" CHECK ((((char_length(btrim(from_name)) >= 1) AND (char_length(btrim(from_name)) <= 200)) AND (from_name !~ '[\r\n<>"]'::text))),
  constraint "email_sender_settings_reply_to_check" CHECK (((reply_to ~ '^[^@\s<>"]+@[^@\s<>"]+\.[^@\s<>"]+$'::text) AND (char_length(reply_to) <= 320))),
  constraint "email_sender_settings_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.email_sender_settings is 'The workspace''s sender identity: every email it sends comes from from_name <from_email> (an address on a domain verified with Resend) with reply_to; a campaign may name its own. Without a row the platform''s default sender (EMAIL_DEFAULT_FROM) is used. Admins write it.';

alter table public.email_sender_settings enable row level security;
grant insert, select, update, delete on public.email_sender_settings to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.email_sender_settings to service_role;

create policy "admins add" on public.email_sender_settings for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins change" on public.email_sender_settings for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins remove" on public.email_sender_settings for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.email_sender_settings for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.email_sender_settings FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.email_sender_settings FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
