create view public.public_demos with (security_invoker=true) as
 SELECT d.id,
    d.workspace_id,
    d.name,
    d.description,
    d.agent_name,
    d.agent_personality,
    d.agent_greeting,
    d.agent_objectives,
    d.cta_text,
    d.cta_link,
    d.published_at,
    COALESCE(( SELECT jsonb_agg(jsonb_build_object('id', v.id, 'title', v.title, 'order_index', v.order_index, 'duration_seconds', v.duration_seconds, 'storage_path', v.storage_path) ORDER BY v.order_index) AS jsonb_agg
           FROM public.demo_videos v
          WHERE v.demo_id = d.id), '[]'::jsonb) AS videos
   FROM public.demos d
  WHERE d.status = 'published'::public.demo_status;
comment on view public.public_demos is 'What the public sees of a published demo: persona, call to action and the ordered videos (storage paths in demo-videos). Read by anon only through get_public_demo.';
grant insert, select, update, delete, truncate, references, trigger on public.public_demos to service_role;
grant select on public.public_demos to authenticated;
