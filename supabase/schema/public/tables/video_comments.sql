create table public.video_comments (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  video_id uuid not null,
  parent_id uuid,
  user_id uuid default auth.uid() not null,
  body text not null,
  timestamp_seconds numeric(10,3),
  resolved_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "video_comments_pkey" PRIMARY KEY (id),
  constraint "comment must be 1-5000 characters" CHECK (((char_length(btrim(body)) >= 1) AND (char_length(btrim(body)) <= 5000))),
  constraint "comment timestamp cannot be negative" CHECK ((timestamp_seconds >= (0)::numeric)),
  constraint "video_comments_user_id_fkey" FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE,
  constraint "video_comments_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "video_comments_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "video_comments_workspace_id_parent_id_fkey" FOREIGN KEY (workspace_id, parent_id) REFERENCES public.video_comments(workspace_id, id) ON DELETE CASCADE,
  constraint "video_comments_workspace_id_video_id_fkey" FOREIGN KEY (workspace_id, video_id) REFERENCES public.videos(workspace_id, id) ON DELETE CASCADE
);
comment on table public.video_comments is 'Comments on a video, optionally at a moment (timestamp_seconds) and as replies (parent_id). Their author''s personal data: erased with the author, purged after the author''s data_retention_days.';
comment on column public.video_comments.timestamp_seconds is 'Where in the video the comment points; within the video''s duration when known.';

alter table public.video_comments enable row level security;
grant insert, select, delete on public.video_comments to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.video_comments to service_role;
grant update (body) on public.video_comments to authenticated;
grant update (timestamp_seconds) on public.video_comments to authenticated;
grant update (resolved_at) on public.video_comments to authenticated;

CREATE INDEX video_comments_parent_idx ON public.video_comments USING btree (workspace_id, parent_id);
CREATE INDEX video_comments_user_idx ON public.video_comments USING btree (user_id, created_at);
CREATE INDEX video_comments_video_idx ON public.video_comments USING btree (workspace_id, video_id, timestamp_seconds);

create policy "authors and admins edit comments" on public.video_comments for update to authenticated
  using (((user_id = ( SELECT auth.uid() AS uid)) OR (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids)))))
  with check (((user_id = ( SELECT auth.uid() AS uid)) OR (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids)))));
create policy "authors and admins remove comments" on public.video_comments for delete to authenticated
  using (((user_id = ( SELECT auth.uid() AS uid)) OR (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids)))));
create policy "members and comment shares add comments" on public.video_comments for insert to authenticated
  with check (((user_id = ( SELECT auth.uid() AS uid)) AND ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))) OR (video_id = ANY (ARRAY( SELECT private.shared_video_ids('comment'::public.video_permission_level) AS shared_video_ids)))) AND (EXISTS ( SELECT 1
   FROM public.videos v
  WHERE (v.id = video_comments.video_id)))));
create policy "readers of a video read its comments" on public.video_comments for select to authenticated
  using (((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))) AND (EXISTS ( SELECT 1
   FROM public.videos v
  WHERE (v.id = video_comments.video_id)))));

CREATE TRIGGER guard_video_comment BEFORE INSERT OR UPDATE ON public.video_comments FOR EACH ROW EXECUTE FUNCTION private.guard_video_comment();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.video_comments FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.video_comments FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
