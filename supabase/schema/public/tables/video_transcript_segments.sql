create table public.video_transcript_segments (
  workspace_id uuid not null,
  video_id uuid not null,
  segment_index integer not null,
  start_seconds numeric(10,3) not null,
  end_seconds numeric(10,3) not null,
  content text not null,
  language text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "video_transcript_segments_pkey" PRIMARY KEY (workspace_id, video_id, segment_index),
  constraint "a segment ends after it starts" CHECK ((end_seconds >= start_seconds)),
  constraint "video_transcript_segments_content_check" CHECK (((char_length(content) >= 1) AND (char_length(content) <= 5000))),
  constraint "video_transcript_segments_language_check" CHECK ((char_length(language) <= 35)),
  constraint "video_transcript_segments_segment_index_check" CHECK ((segment_index >= 0)),
  constraint "video_transcript_segments_start_seconds_check" CHECK ((start_seconds >= (0)::numeric)),
  constraint "video_transcript_segments_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "video_transcript_segments_workspace_id_video_id_fkey" FOREIGN KEY (workspace_id, video_id) REFERENCES public.videos(workspace_id, id) ON DELETE CASCADE
);
comment on table public.video_transcript_segments is 'A video''s transcript with timings (Mux generated subtitles, one row per cue), written by the transcripts worker; readers of the video read it.';
comment on column public.video_transcript_segments.start_seconds is 'Where in the video the cue starts (seconds).';

alter table public.video_transcript_segments enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.video_transcript_segments to service_role;
grant select on public.video_transcript_segments to authenticated;

create policy "readers of a video read its transcript" on public.video_transcript_segments for select to authenticated
  using (((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))) AND (EXISTS ( SELECT 1
   FROM public.videos v
  WHERE (v.id = video_transcript_segments.video_id)))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.video_transcript_segments FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.video_transcript_segments FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
