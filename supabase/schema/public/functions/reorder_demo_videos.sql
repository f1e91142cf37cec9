CREATE OR REPLACE FUNCTION public.reorder_demo_videos(p_demo_id uuid, p_video_ids uuid[])
 RETURNS SETOF public.demo_videos
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  ws uuid;
begin
  perform private.require_batch_size('videos', coalesce(cardinality(p_video_ids), 0), 200);
  select d.workspace_id into ws from public.demos d where d.id = p_demo_id;
  if ws is null then
    raise exception 'no such demo' using errcode = 'PT404';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(ws, 'member');
  end if;
  if p_video_ids is null or cardinality(p_video_ids) <> (select count(distinct x) from unnest(p_video_ids) x)
     or (select array_agg(v.id order by v.id) from public.demo_videos v where v.demo_id = p_demo_id)
        is distinct from (select array_agg(x order by x) from unnest(p_video_ids) x) then
    raise exception 'list every video of the demo exactly once' using errcode = '22023';
  end if;
  set constraints public.demo_videos_order_key deferred;
  return query
    update public.demo_videos v set order_index = (o.n - 1)::integer
    from unnest(p_video_ids) with ordinality as o (id, n)
    where v.id = o.id and v.demo_id = p_demo_id
    returning v.*;
end $function$;
comment on function public.reorder_demo_videos(uuid,uuid[]) is 'Members: sets the play order of all of a demo''s videos at once (order_index 0..n-1 in list order). 22023 unless the list names every video once; at most 200 (PT413).';
grant execute on function public.reorder_demo_videos(uuid,uuid[]) to authenticated;
grant execute on function public.reorder_demo_videos(uuid,uuid[]) to service_role;
