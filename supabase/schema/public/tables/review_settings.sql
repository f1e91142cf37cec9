create table public.review_settings (
  workspace_id uuid not null,
  requests_enabled boolean default true not null,
  request_delay_days integer default 14 not null,
  token_ttl_days integer default 60 not null,
  auto_publish_verified boolean default false not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "review_settings_pkey" PRIMARY KEY (workspace_id),
  constraint "review_settings_request_delay_days_range" CHECK (((request_delay_days >= 0) AND (request_delay_days <= 365))),
  constraint "review_settings_token_ttl_days_range" CHECK (((token_ttl_days >= 1) AND (token_ttl_days <= 365))),
  constraint "review_settings_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.review_settings is 'Per-workspace review settings; without a row: requests on, 14 days after fulfilment, tokens valid 60 days, every review moderated.';
comment on column public.review_settings.request_delay_days is 'Days between an order becoming fulfilled and its review request being sent (0-365).';
comment on column public.review_settings.token_ttl_days is 'Days a review request''s verification token stays valid after it is issued.';
comment on column public.review_settings.auto_publish_verified is 'Publish reviews whose token verifies a purchase at once; all other reviews wait for moderation.';

alter table public.review_settings enable row level security;
grant insert, select, update, delete on public.review_settings to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.review_settings to service_role;

create policy "admins add" on public.review_settings for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins change" on public.review_settings for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins remove" on public.review_settings for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.review_settings for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.review_settings FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.review_settings FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
