create table public.shopify_sync_rejections (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  run_id uuid not null,
  phase text not null,
  line_number bigint not null,
  reason text not null,
  excerpt text,
  created_at timestamp with time zone default now() not null,
  constraint "shopify_sync_rejections_pkey" PRIMARY KEY (id),
  constraint "shopify_sync_rejections_excerpt_check" CHECK ((char_length(excerpt) <= 300)),
  constraint "shopify_sync_rejections_line_number_check" CHECK ((line_number >= 1)),
  constraint "shopify_sync_rejections_phase_check" CHECK ((phase = ANY (ARRAY['products'::text, 'customers'::text, 'orders'::text]))),
  constraint "shopify_sync_rejections_reason_check" CHECK (((char_length(reason) >= 1) AND (char_length(reason) <= 500))),
  constraint "shopify_sync_rejections_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "shopify_sync_rejections_workspace_id_run_id_fkey" FOREIGN KEY (workspace_id, run_id) REFERENCES public.shopify_sync_runs(workspace_id, id) ON DELETE CASCADE,
  constraint "shopify_sync_rejections_workspace_id_run_id_phase_line_numb_key" UNIQUE (workspace_id, run_id, phase, line_number)
);
comment on table public.shopify_sync_rejections is 'Lines of a backfill''s bulk results that were not applied, with their line number (1-based, per phase) and why: malformed JSON, a missing or wrong id, an object of another kind, a child line before or without its parent. Admins read; the shopify-sync worker writes.';

alter table public.shopify_sync_rejections enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.shopify_sync_rejections to service_role;
grant select on public.shopify_sync_rejections to authenticated;

CREATE INDEX shopify_sync_rejections_run_idx ON public.shopify_sync_rejections USING btree (workspace_id, run_id, phase, line_number);

create policy "admins read" on public.shopify_sync_rejections for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.shopify_sync_rejections FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
