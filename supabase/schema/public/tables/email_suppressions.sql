create table public.email_suppressions (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  email text not null,
  reason public.email_suppression_reason not null,
  detail text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "email_suppressions_pkey" PRIMARY KEY (id),
  constraint "email_suppressions_detail_check" CHECK ((char_length(detail) <= 2000)),
  constraint "email_suppressions_email_check" CHECK (((email = lower(email)) AND ((char_length(email) >= 3) AND (char_length(email) <= 320)))),
  constraint "email_suppressions_workspace_id_email_key" UNIQUE (workspace_id, email),
  constraint "email_suppressions_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.email_suppressions is 'Addresses the workspace sends no more email to (bounced, complained) or no marketing email and review requests (unsubscribed). Written by Resend''s webhook events and the one-click unsubscribe; every send checks it when it is first claimed. Viewers read it.';
comment on column public.email_suppressions.reason is 'The strongest reason seen: a complaint or bounce replaces an unsubscribe, never the other way round.';

alter table public.email_suppressions enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.email_suppressions to service_role;
grant select on public.email_suppressions to authenticated;

create policy "viewers read" on public.email_suppressions for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.email_suppressions FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.email_suppressions FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
