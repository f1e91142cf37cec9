-- Video transcripts. Uploads ask Mux for generated subtitles; when Mux reports the text track
-- ready (video.asset.track.ready, a verified webhook), a job is queued on the connector queue
-- `mux_transcripts` (idempotent by track). The media-transcripts worker fetches the WebVTT with a
-- signed token and hands the cues to private.apply_video_transcript, which in one transaction
-- (under the job's lease) stores them with their timings (video_transcript_segments), sets the
-- video's transcript, and ingests it through the knowledge ingest path
-- (private.ingest_knowledge_document: versioned, chunks embedded by the embed queue) into the
-- right collection: the demo collection of every demo the video belongs to (demo_videos.video_id,
-- whose transcript and processing_status follow), else the workspace's video transcripts
-- collection. A video added to a demo later is ingested into that demo's collection then.

-- ===== a demo video may be a Mux-hosted video
alter table public.demo_videos add column video_id uuid;
alter table public.demo_videos add constraint demo_videos_video_fkey
  foreign key (workspace_id, video_id) references public.videos (workspace_id, id) on delete set null (video_id);
create index demo_videos_video_idx on public.demo_videos (workspace_id, video_id);
comment on column public.demo_videos.video_id is 'The workspace video (Mux) this demo video plays, when it is one: its transcript goes into the demo''s knowledge.';

-- ===== segments
create table public.video_transcript_segments (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  video_id uuid not null,
  segment_index integer not null check (segment_index >= 0),
  start_seconds numeric(10, 3) not null check (start_seconds >= 0),
  end_seconds numeric(10, 3) not null,
  content text not null check (char_length(content) between 1 and 5000),
  language text check (char_length(language) <= 35),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, video_id, segment_index),
  foreign key (workspace_id, video_id) references public.videos (workspace_id, id) on delete cascade,
  constraint "a segment ends after it starts" check (end_seconds >= start_seconds)
);
comment on table public.video_transcript_segments is 'A video''s transcript with timings (Mux generated subtitles, one row per cue), written by the transcripts worker; readers of the video read it.';
comment on column public.video_transcript_segments.start_seconds is 'Where in the video the cue starts (seconds).';
alter table public.video_transcript_segments enable row level security;
grant select on public.video_transcript_segments to authenticated;
select private.install_row_triggers('public.video_transcript_segments');

create policy "readers of a video read its transcript" on public.video_transcript_segments for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer')))
         and exists (select 1 from public.videos v where v.id = video_transcript_segments.video_id));

-- ===== the queue
select private.register_connector_queue('mux_transcripts', 'media-transcripts',
  'Fetches the generated subtitles (WebVTT) of Mux videos into video_transcript_segments and knowledge.',
  p_max_attempts => 6, p_one_per_connection => false);

create function private.queue_mux_transcript() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  d jsonb := new.payload -> 'data';
  v public.videos;
begin
  if new.topic <> 'video.asset.track.ready' or d ->> 'type' is distinct from 'text' or d ->> 'id' is null then
    return null;
  end if;
  begin
    select * into v from public.videos where mux_asset_id = d ->> 'asset_id' and deleted_at is null;
    if found then
      update public.videos set transcription_status = 'processing' where id = v.id and transcription_status <> 'completed';
      perform private.enqueue_connector_job('mux_transcripts', v.workspace_id, null, 'track:' || (d ->> 'id'),
        jsonb_build_object('video_id', v.id, 'track_id', d ->> 'id', 'language', d ->> 'language_code'));
    end if;
  exception when others then
    update private.webhook_events set status = 'failed', error = left('transcripts: ' || sqlerrm, 2000) where id = new.id;
  end;
  return null;
end $$;
comment on function private.queue_mux_transcript() is 'AFTER INSERT on private.webhook_events (Mux video.asset.track.ready, text): queues the track''s transcript job (once per track) and marks the video''s transcription processing.';

create trigger queue_mux_transcript after insert on private.webhook_events
  for each row when (new.provider = 'mux') execute function private.queue_mux_transcript();

-- What the worker needs to fetch a job's track: the video's playback id (null while not ready).
create function private.video_transcript_source(p_video_id uuid) returns text
language sql stable security definer set search_path = '' as $$
  select v.mux_playback_id from public.videos v where v.id = p_video_id and v.deleted_at is null
$$;
comment on function private.video_transcript_source(uuid) is 'The transcripts worker: the signed playback id a video''s text track is fetched with; null while the video is not ready or deleted.';
grant execute on function private.video_transcript_source(uuid) to service_role;

-- ===== into knowledge
create function private.video_transcripts_collection(p_workspace_id uuid) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  cid uuid;
begin
  perform pg_advisory_xact_lock(hashtextextended('video_transcripts:' || p_workspace_id::text, 0));
  select c.id into cid from public.knowledge_collections c
  where c.workspace_id = p_workspace_id and c.scope = 'general' and c.metadata ->> 'source' = 'video_transcripts'
  order by c.created_at limit 1;
  if cid is null then
    insert into public.knowledge_collections (workspace_id, scope, name, description, metadata)
    values (p_workspace_id, 'general', 'Video transcripts', 'What is said in the workspace''s videos (Mux generated subtitles).',
            '{"source": "video_transcripts"}')
    returning id into cid;
  end if;
  return cid;
end $$;
comment on function private.video_transcripts_collection(uuid) is 'The workspace''s general collection for transcripts of videos in no demo (metadata.source = video_transcripts), made on first use.';

-- Ingests a video's stored transcript into its collections: chunks of about 800 characters of
-- consecutive cues, each with the seconds it spans. Returns the number of collections written.
create function private.ingest_video_transcript(p_video_id uuid) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  v public.videos;
  chunks jsonb;
  targets uuid[];
  cid uuid;
begin
  select * into v from public.videos where id = p_video_id;
  if not found or v.transcription_text is null or btrim(v.transcription_text) = '' then
    return 0;
  end if;
  select jsonb_agg(jsonb_build_object('content', g.content, 'source', left(v.title, 500),
           'metadata', jsonb_build_object('video_id', v.id, 'start_seconds', g.s, 'end_seconds', g.e)) order by g.grp)
  into chunks
  from (select grp, string_agg(content, ' ' order by segment_index) as content, min(start_seconds) as s, max(end_seconds) as e
        from (select s.*, (sum(char_length(s.content) + 1) over (order by s.segment_index) - char_length(s.content) - 1) / 800 as grp
              from public.video_transcript_segments s where s.workspace_id = v.workspace_id and s.video_id = v.id) x
        group by grp) g;
  if chunks is null then
    return 0;
  end if;
  update public.demo_videos dv set transcript = v.transcription_text, processing_status = 'completed',
    duration_seconds = coalesce(dv.duration_seconds, ceil(v.duration_seconds)::integer)
  where dv.workspace_id = v.workspace_id and dv.video_id = v.id;
  select array_agg(distinct c.id) into targets
  from public.demo_videos dv
  join public.knowledge_collections c on c.workspace_id = dv.workspace_id and c.scope = 'demo' and c.owner_id = dv.demo_id
  where dv.workspace_id = v.workspace_id and dv.video_id = v.id;
  if targets is null then
    targets := array[private.video_transcripts_collection(v.workspace_id)];
  end if;
  foreach cid in array targets loop
    perform private.ingest_knowledge_document(cid, 'video:' || v.id, v.transcription_text, chunks, v.title, 'text', null,
      'video_transcript', null, jsonb_build_object('video_id', v.id));
  end loop;
  return cardinality(targets);
end $$;
comment on function private.ingest_video_transcript(uuid) is 'Ingests a video''s transcript (document key video:<id>, chunks of consecutive cues with start/end seconds) into the collection of every demo playing it (updating those demo videos'' transcript and status), else the workspace''s video transcripts collection. Unchanged text makes no new version.';

create function private.apply_video_transcript(p_job_id bigint, p_lease_id uuid, p_video_id uuid, p_language text, p_cues jsonb)
returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  v public.videos;
  n integer;
begin
  perform private.touch_connector_job(p_job_id, p_lease_id);
  if jsonb_typeof(p_cues) is distinct from 'array' then
    raise exception 'cues must be a JSON array' using errcode = '22023';
  end if;
  perform private.require_batch_size('cues', jsonb_array_length(p_cues), 20000);
  select * into v from public.videos where id = p_video_id for update;
  if not found then
    return 0;
  end if;
  delete from public.video_transcript_segments s where s.workspace_id = v.workspace_id and s.video_id = v.id;
  insert into public.video_transcript_segments (workspace_id, video_id, segment_index, start_seconds, end_seconds, content, language)
  select v.workspace_id, v.id, (c.o - 1)::integer, round((c.e ->> 'start')::numeric, 3),
         greatest(round((c.e ->> 'end')::numeric, 3), round((c.e ->> 'start')::numeric, 3)), left(btrim(c.e ->> 'text'), 5000),
         left(p_language, 35)
  from jsonb_array_elements(p_cues) with ordinality c (e, o)
  where jsonb_typeof(c.e -> 'start') = 'number' and jsonb_typeof(c.e -> 'end') = 'number'
    and (c.e ->> 'start')::numeric >= 0 and btrim(coalesce(c.e ->> 'text', '')) <> '';
  get diagnostics n = row_count;
  update public.videos set transcription_status = 'completed',
    transcription_text = (select string_agg(s.content, ' ' order by s.segment_index) from public.video_transcript_segments s
                          where s.workspace_id = v.workspace_id and s.video_id = v.id)
  where id = v.id;
  perform private.ingest_video_transcript(v.id);
  return n;
end $$;
comment on function private.apply_video_transcript(bigint, uuid, uuid, text, jsonb) is 'The transcripts worker, under its job''s lease (PT409 when lost): replaces a video''s segments with the cues [{start, end, text}] (at most 20,000; cues without text or times are skipped), sets its transcript and ingests it into knowledge, in one transaction. Returns the segments stored.';
grant execute on function private.apply_video_transcript(bigint, uuid, uuid, text, jsonb) to service_role;

create function private.fail_video_transcript(p_video_id uuid) returns void
language sql volatile security definer set search_path = '' as $$
  update public.videos set transcription_status = 'failed' where id = p_video_id and transcription_status <> 'completed'
$$;
comment on function private.fail_video_transcript(uuid) is 'The transcripts worker: the track''s job is dead (Mux could not serve it); the video''s transcription failed.';
grant execute on function private.fail_video_transcript(uuid) to service_role;

-- A video with a transcript joins a demo: the row answers with the transcript at once (before),
-- and the demo's knowledge gets it (after).
create function private.demo_video_takes_transcript() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v public.videos;
begin
  select * into v from public.videos where id = new.video_id and workspace_id = new.workspace_id;
  if found and v.transcription_status = 'completed' then
    new.transcript := v.transcription_text;
    new.processing_status := 'completed';
    new.duration_seconds := coalesce(new.duration_seconds, ceil(v.duration_seconds)::integer);
  end if;
  return new;
end $$;
comment on function private.demo_video_takes_transcript() is 'BEFORE INSERT/UPDATE OF video_id on demo_videos: a transcribed video''s transcript, status and duration are the demo video''s from the start.';

create trigger demo_video_takes_transcript before insert or update of video_id on public.demo_videos
  for each row when (new.video_id is not null) execute function private.demo_video_takes_transcript();

create function private.demo_video_transcript() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.ingest_video_transcript(new.video_id);
  return null;
end $$;
comment on function private.demo_video_transcript() is 'AFTER INSERT/UPDATE OF video_id on demo_videos: a video with a transcript joins the demo''s knowledge at once.';

create trigger demo_video_transcript after insert or update of video_id on public.demo_videos
  for each row when (new.video_id is not null) execute function private.demo_video_transcript();
