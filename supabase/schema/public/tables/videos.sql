create table public.videos (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  folder_id uuid,
  created_by uuid default auth.uid(),
  title text not null,
  description text,
  visibility public.video_visibility default 'workspace'::public.video_visibility not null,
  status public.video_status default 'uploading'::public.video_status not null,
  mux_upload_id text,
  mux_asset_id text,
  mux_playback_id text,
  storage_path text,
  duration_seconds numeric(10,3),
  size_bytes bigint,
  thumbnail_url text,
  transcription_status public.media_processing_status default 'pending'::public.media_processing_status not null,
  transcription_text text,
  error text,
  view_count bigint default 0 not null,
  deleted_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "videos_pkey" PRIMARY KEY (id),
  constraint "video description is at most 5000 characters" CHECK ((char_length(description) <= 5000)),
  constraint "video duration must be positive" CHECK ((duration_seconds > (0)::numeric)),
  constraint "video title must be 1-500 characters" CHECK (((char_length(btrim(title)) >= 1) AND (char_length(btrim(title)) <= 500))),
  constraint "videos_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "videos_error_check" CHECK ((char_length(error) <= 2000)),
  constraint "videos_mux_asset_id_check" CHECK ((char_length(mux_asset_id) <= 255)),
  constraint "videos_mux_asset_id_key" UNIQUE (mux_asset_id),
  constraint "videos_mux_playback_id_check" CHECK ((char_length(mux_playback_id) <= 255)),
  constraint "videos_mux_upload_id_check" CHECK ((char_length(mux_upload_id) <= 255)),
  constraint "videos_mux_upload_id_key" UNIQUE (mux_upload_id),
  constraint "videos_size_bytes_check" CHECK ((size_bytes >= 0)),
  constraint "videos_storage_path_check" CHECK ((char_length(storage_path) <= 1024)),
  constraint "videos_thumbnail_url_check" CHECK ((char_length(thumbnail_url) <= 2000)),
  constraint "videos_view_count_check" CHECK ((view_count >= 0)),
  constraint "videos_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "videos_workspace_id_folder_id_fkey" FOREIGN KEY (workspace_id, folder_id) REFERENCES public.video_folders(workspace_id, id) ON DELETE SET NULL (folder_id),
  constraint "videos_workspace_id_id_key" UNIQUE (workspace_id, id)
);
comment on table public.videos is 'A workspace''s videos, hosted by Mux: created when an upload starts, moved along by Mux webhook events (uploading -> processing -> ready | errored). Soft-deleted with deleted_at.';
comment on column public.videos.mux_upload_id is 'Mux direct upload id; video.upload.asset_created links it to the asset.';
comment on column public.videos.mux_asset_id is 'Mux asset id; video.asset.ready/errored find the video by it.';
comment on column public.videos.storage_path is 'Original file in a storage bucket (<workspace_id>/...), when kept besides Mux.';
comment on column public.videos.deleted_at is 'Soft delete: set to hide the video; rows are kept for their comments and history.';

alter table public.videos enable row level security;
grant insert, select, update, delete on public.videos to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.videos to service_role;

CREATE INDEX videos_created_by_idx ON public.videos USING btree (created_by);
CREATE INDEX videos_folder_idx ON public.videos USING btree (workspace_id, folder_id);
CREATE INDEX videos_workspace_idx ON public.videos USING btree (workspace_id, created_at DESC);

create policy "creators and admins remove videos" on public.videos for delete to authenticated
  using ((((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))) AND (created_by = ( SELECT auth.uid() AS uid))) OR (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids)))));
create policy "members add videos as themselves" on public.videos for insert to authenticated
  with check (((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))) AND (created_by = ( SELECT auth.uid() AS uid))));
create policy "members edit workspace videos, creators and editors private one" on public.videos for update to authenticated
  using ((((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))) AND ((visibility = 'workspace'::public.video_visibility) OR (created_by = ( SELECT auth.uid() AS uid)))) OR (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))) OR (id = ANY (ARRAY( SELECT private.shared_video_ids('edit'::public.video_permission_level) AS shared_video_ids)))))
  with check ((((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))) AND ((visibility = 'workspace'::public.video_visibility) OR (created_by = ( SELECT auth.uid() AS uid)))) OR (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))) OR (id = ANY (ARRAY( SELECT private.shared_video_ids('edit'::public.video_permission_level) AS shared_video_ids)))));
create policy "members see workspace videos and private ones shared with them" on public.videos for select to authenticated
  using (((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))) AND ((visibility = 'workspace'::public.video_visibility) OR (created_by = ( SELECT auth.uid() AS uid)) OR (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))) OR (id = ANY (ARRAY( SELECT private.shared_video_ids('view'::public.video_permission_level) AS shared_video_ids))))));

CREATE TRIGGER guard_video_provider_columns BEFORE INSERT ON public.videos FOR EACH ROW EXECUTE FUNCTION private.guard_video_provider_columns();
CREATE TRIGGER guard_video_provider_columns_update BEFORE UPDATE ON public.videos FOR EACH ROW WHEN ((NOT ((old.created_by IS NOT NULL) AND (new.created_by IS NULL) AND private.only_deleted_users_cleared(ARRAY[old.created_by], ARRAY[new.created_by])))) EXECUTE FUNCTION private.guard_video_provider_columns();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.videos FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.videos FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
