create table public.workspace_storage_usage (
  workspace_id uuid not null,
  bucket_id text not null,
  bytes bigint default 0 not null,
  objects bigint default 0 not null,
  updated_at timestamp with time zone default now() not null,
  constraint "workspace_storage_usage_pkey" PRIMARY KEY (workspace_id, bucket_id),
  constraint "workspace_storage_usage_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.workspace_storage_usage is 'Bytes and objects per workspace and bucket (paths <workspace_id>/...), kept by a trigger on storage.objects; read by viewers; compared with workspaces.storage_quota_bytes on upload.';
comment on column public.workspace_storage_usage.bytes is 'Sum of metadata.size of the objects (the Storage API fills it once the upload finishes).';

alter table public.workspace_storage_usage enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.workspace_storage_usage to service_role;
grant select on public.workspace_storage_usage to authenticated;

create policy "viewers read" on public.workspace_storage_usage for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id ON public.workspace_storage_usage FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.workspace_storage_usage FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
