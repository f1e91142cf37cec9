create table public.seo_key_pages (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  connection_id uuid not null,
  url text not null,
  label text,
  strategy public.pagespeed_strategy default 'mobile'::public.pagespeed_strategy not null,
  enabled boolean default true not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "seo_key_pages_pkey" PRIMARY KEY (id),
  constraint "seo_key_pages_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "seo_key_pages_label_check" CHECK (((char_length(btrim(label)) >= 1) AND (char_length(btrim(label)) <= 120))),
  constraint "seo_key_pages_url_check" CHECK (((url ~ '^https?://[^/?#\s]+'::text) AND (char_length(url) <= 2000))),
  constraint "seo_key_pages_workspace_id_connection_id_fkey" FOREIGN KEY (workspace_id, connection_id) REFERENCES public.integration_connections(workspace_id, id) ON DELETE CASCADE,
  constraint "seo_key_pages_workspace_id_connection_id_url_strategy_key" UNIQUE (workspace_id, connection_id, url, strategy),
  constraint "seo_key_pages_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.seo_key_pages is 'The pages of a PageSpeed site audited every day (home, a collection, a best-selling product ...), once per strategy. Members manage them; a page must be on the connected site''s host, at most 50 per site.';

alter table public.seo_key_pages enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.seo_key_pages to service_role;
grant select, delete on public.seo_key_pages to authenticated;
grant insert (workspace_id) on public.seo_key_pages to authenticated;
grant insert (connection_id) on public.seo_key_pages to authenticated;
grant insert, update (url) on public.seo_key_pages to authenticated;
grant insert, update (label) on public.seo_key_pages to authenticated;
grant insert, update (strategy) on public.seo_key_pages to authenticated;
grant insert, update (enabled) on public.seo_key_pages to authenticated;

CREATE INDEX seo_key_pages_connection_idx ON public.seo_key_pages USING btree (workspace_id, connection_id);
CREATE INDEX seo_key_pages_created_by_idx ON public.seo_key_pages USING btree (created_by);

create policy "members add" on public.seo_key_pages for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.seo_key_pages for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.seo_key_pages for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.seo_key_pages for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER check_seo_key_page BEFORE INSERT OR UPDATE OF url, connection_id ON public.seo_key_pages FOR EACH ROW EXECUTE FUNCTION private.check_seo_key_page();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.seo_key_pages FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.seo_key_pages FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_actor BEFORE INSERT ON public.seo_key_pages FOR EACH ROW EXECUTE FUNCTION private.stamp_actor('created_by');
