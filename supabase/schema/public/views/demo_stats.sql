create view public.demo_stats with (security_invoker=true) as
 SELECT d.id AS demo_id,
    d.workspace_id,
    ( SELECT count(*) AS count
           FROM public.demo_videos v
          WHERE v.demo_id = d.id) AS video_count,
    ( SELECT count(*) AS count
           FROM public.demo_videos v
          WHERE v.demo_id = d.id AND v.processing_status = 'completed'::public.media_processing_status) AS ready_video_count,
    ( SELECT COALESCE(sum(v.duration_seconds), 0::bigint) AS "coalesce"
           FROM public.demo_videos v
          WHERE v.demo_id = d.id) AS total_video_duration,
    ( SELECT count(*) AS count
           FROM public.knowledge_chunks k
             JOIN public.knowledge_collections c ON c.id = k.collection_id
          WHERE c.workspace_id = d.workspace_id AND c.scope = 'demo'::public.knowledge_scope AND c.owner_id = d.id) AS knowledge_chunk_count,
    ( SELECT count(*) AS count
           FROM public.demo_conversations c
          WHERE c.demo_id = d.id) AS conversation_count,
    ( SELECT count(*) AS count
           FROM public.conversation_messages m
          WHERE m.workspace_id = d.workspace_id AND m.demo_id = d.id) AS message_count,
    ( SELECT max(COALESCE(c.last_event_at, c.started_at, c.created_at)) AS max
           FROM public.demo_conversations c
          WHERE c.demo_id = d.id) AS last_conversation_at,
    ( SELECT COALESCE(round(sum(EXTRACT(epoch FROM c.ended_at - c.started_at)) / 60::numeric, 1), 0::numeric) AS "coalesce"
           FROM public.demo_conversations c
          WHERE c.demo_id = d.id AND c.started_at IS NOT NULL AND c.ended_at IS NOT NULL) AS conversation_minutes,
    ( SELECT count(*) AS count
           FROM public.conversation_messages m
          WHERE m.workspace_id = d.workspace_id AND m.demo_id = d.id AND m.sentiment = 'positive'::text) AS positive_messages,
    ( SELECT count(*) AS count
           FROM public.conversation_messages m
          WHERE m.workspace_id = d.workspace_id AND m.demo_id = d.id AND m.sentiment = 'neutral'::text) AS neutral_messages,
    ( SELECT count(*) AS count
           FROM public.conversation_messages m
          WHERE m.workspace_id = d.workspace_id AND m.demo_id = d.id AND m.sentiment = 'negative'::text) AS negative_messages,
    ( SELECT count(*) AS count
           FROM public.demo_conversations c
          WHERE c.demo_id = d.id AND c.cta_clicked_at IS NOT NULL) AS cta_clicks,
    ( SELECT round(count(*) FILTER (WHERE c.cta_clicked_at IS NOT NULL)::numeric / NULLIF(count(*), 0)::numeric, 4) AS round
           FROM public.demo_conversations c
          WHERE c.demo_id = d.id) AS cta_conversion_rate
   FROM public.demos d;
comment on view public.demo_stats is 'Per demo: videos (all, transcribed), total video seconds, chunks of its knowledge collection, conversations, messages, when the last conversation happened, minutes talked (ended conversations), messages by sentiment, conversations that followed the call to action and their share (null without conversations). RLS of the tables applies.';
grant insert, select, update, delete, truncate, references, trigger on public.demo_stats to service_role;
grant select on public.demo_stats to authenticated;
