CREATE OR REPLACE FUNCTION private.ingest_video_transcript(p_video_id uuid)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.ingest_video_transcript(uuid) is 'Ingests a video''s transcript (document key video:<id>, chunks of consecutive cues with start/end seconds) into the collection of every demo playing it (updating those demo videos'' transcript and status), else the workspace''s video transcripts collection. Unchanged text makes no new version.';
