create table public.demo_videos (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  demo_id uuid not null,
  title text not null,
  storage_path text not null,
  order_index integer not null,
  duration_seconds integer,
  processing_status public.media_processing_status default 'pending'::public.media_processing_status not null,
  transcript text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  video_id uuid,
  constraint "demo_videos_pkey" PRIMARY KEY (id),
  constraint "demo_videos_order_key" UNIQUE (demo_id, order_index) DEFERRABLE,
  constraint "demo_videos_video_fkey" FOREIGN KEY (workspace_id, video_id) REFERENCES public.videos(workspace_id, id) ON DELETE SET NULL (video_id),
  constraint "demo_videos_workspace_id_demo_id_fkey" FOREIGN KEY (workspace_id, demo_id) REFERENCES public.demos(workspace_id, id) ON DELETE CASCADE,
  constraint "demo_videos_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "demo_videos_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "order index cannot be negative" CHECK ((order_index >= 0)),
  constraint "storage path must start with <workspace_id>/<demo_id>/" CHECK (((storage_path ~~ ((((workspace_id)::text || '/'::text) || (demo_id)::text) || '/_%'::text)) AND (char_length(storage_path) <= 1024))),
  constraint "video duration must be positive" CHECK ((duration_seconds > 0)),
  constraint "video title must be 1-255 characters" CHECK (((char_length(btrim(title)) >= 1) AND (char_length(btrim(title)) <= 255)))
);
comment on table public.demo_videos is 'The videos of a demo in play order; the files are in the demo-videos bucket at <workspace_id>/<demo_id>/<file>. processing_status tracks transcription.';
comment on column public.demo_videos.order_index is 'Play order from 0; unique per demo (reorder with reorder_demo_videos).';
comment on column public.demo_videos.transcript is 'What is said in the video (transcription), used for the demo''s knowledge.';
comment on column public.demo_videos.video_id is 'The workspace video (Mux) this demo video plays, when it is one: its transcript goes into the demo''s knowledge.';

alter table public.demo_videos enable row level security;
grant insert, select, update, delete on public.demo_videos to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.demo_videos to service_role;

CREATE INDEX demo_videos_demo_idx ON public.demo_videos USING btree (workspace_id, demo_id, order_index);
CREATE INDEX demo_videos_pending_idx ON public.demo_videos USING btree (created_at) WHERE (processing_status = ANY (ARRAY['pending'::public.media_processing_status, 'processing'::public.media_processing_status]));
CREATE INDEX demo_videos_video_idx ON public.demo_videos USING btree (workspace_id, video_id);

create policy "members add" on public.demo_videos for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.demo_videos for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.demo_videos for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.demo_videos for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER demo_video_takes_transcript BEFORE INSERT OR UPDATE OF video_id ON public.demo_videos FOR EACH ROW WHEN ((new.video_id IS NOT NULL)) EXECUTE FUNCTION private.demo_video_takes_transcript();
CREATE TRIGGER demo_video_transcript AFTER INSERT OR UPDATE OF video_id ON public.demo_videos FOR EACH ROW WHEN ((new.video_id IS NOT NULL)) EXECUTE FUNCTION private.demo_video_transcript();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.demo_videos FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.demo_videos FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
