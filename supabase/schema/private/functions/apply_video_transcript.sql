CREATE OR REPLACE FUNCTION private.apply_video_transcript(p_job_id bigint, p_lease_id uuid, p_video_id uuid, p_language text, p_cues jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.apply_video_transcript(bigint,uuid,uuid,text,jsonb) is 'The transcripts worker, under its job''s lease (PT409 when lost): replaces a video''s segments with the cues [{start, end, text}] (at most 20,000; cues without text or times are skipped), sets its transcript and ingests it into knowledge, in one transaction. Returns the segments stored.';
grant execute on function private.apply_video_transcript(bigint,uuid,uuid,text,jsonb) to service_role;
