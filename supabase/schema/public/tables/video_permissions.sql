create table public.video_permissions (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  video_id uuid not null,
  user_id uuid not null,
  permission_level public.video_permission_level default 'view'::public.video_permission_level not null,
  granted_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "video_permissions_pkey" PRIMARY KEY (id),
  constraint "video_permissions_granted_by_fkey" FOREIGN KEY (granted_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "video_permissions_user_id_fkey" FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE,
  constraint "video_permissions_video_id_user_id_key" UNIQUE (video_id, user_id),
  constraint "video_permissions_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "video_permissions_workspace_id_video_id_fkey" FOREIGN KEY (workspace_id, video_id) REFERENCES public.videos(workspace_id, id) ON DELETE CASCADE
);
comment on table public.video_permissions is 'Who else may view, comment on or edit a video (mostly private ones). Only members of the video''s workspace can be granted; the video''s creator and admins manage shares.';

alter table public.video_permissions enable row level security;
grant insert, select, update, delete on public.video_permissions to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.video_permissions to service_role;

CREATE INDEX video_permissions_granted_by_idx ON public.video_permissions USING btree (granted_by);
CREATE INDEX video_permissions_user_idx ON public.video_permissions USING btree (user_id);
CREATE INDEX video_permissions_workspace_video_idx ON public.video_permissions USING btree (workspace_id, video_id);

create policy "grantees, video creators and admins see shares" on public.video_permissions for select to authenticated
  using (((user_id = ( SELECT auth.uid() AS uid)) OR (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))) OR (video_id = ANY (ARRAY( SELECT private.own_video_ids() AS own_video_ids)))));
create policy "video creators and admins change shares" on public.video_permissions for update to authenticated
  using (((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))) OR (video_id = ANY (ARRAY( SELECT private.own_video_ids() AS own_video_ids)))))
  with check (((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))) OR ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))) AND (video_id = ANY (ARRAY( SELECT private.own_video_ids() AS own_video_ids))))));
create policy "video creators and admins share" on public.video_permissions for insert to authenticated
  with check (((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))) OR ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))) AND (video_id = ANY (ARRAY( SELECT private.own_video_ids() AS own_video_ids))))));
create policy "video creators, admins and grantees remove shares" on public.video_permissions for delete to authenticated
  using (((user_id = ( SELECT auth.uid() AS uid)) OR (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))) OR (video_id = ANY (ARRAY( SELECT private.own_video_ids() AS own_video_ids)))));

CREATE TRIGGER guard_video_permission BEFORE INSERT OR UPDATE OF user_id, workspace_id ON public.video_permissions FOR EACH ROW EXECUTE FUNCTION private.guard_video_permission();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.video_permissions FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.video_permissions FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
