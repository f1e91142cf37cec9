create table public.video_folders (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  parent_id uuid,
  name text not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "video_folders_pkey" PRIMARY KEY (id),
  constraint "folder name must be 1-255 characters" CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 255))),
  constraint "video_folders_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "video_folders_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "video_folders_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "video_folders_workspace_id_parent_id_fkey" FOREIGN KEY (workspace_id, parent_id) REFERENCES public.video_folders(workspace_id, id) ON DELETE CASCADE
);
comment on table public.video_folders is 'Folders of videos, nested under parent_id within one workspace; a folder can never end up inside itself (guard_video_folder_tree). Deleting a folder deletes its subfolders; their videos move to the top level.';
comment on column public.video_folders.parent_id is 'The folder this one sits in; null at the top level. Same workspace (composite key).';

alter table public.video_folders enable row level security;
grant insert, select, update, delete on public.video_folders to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.video_folders to service_role;

CREATE INDEX video_folders_created_by_idx ON public.video_folders USING btree (created_by);
CREATE INDEX video_folders_parent_idx ON public.video_folders USING btree (workspace_id, parent_id);
CREATE UNIQUE INDEX video_folders_unique_name ON public.video_folders USING btree (workspace_id, parent_id, lower(name)) NULLS NOT DISTINCT;

create policy "members add" on public.video_folders for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.video_folders for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.video_folders for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.video_folders for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER guard_video_folder_tree BEFORE INSERT OR UPDATE OF parent_id ON public.video_folders FOR EACH ROW EXECUTE FUNCTION private.guard_video_folder_tree();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.video_folders FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.video_folders FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
