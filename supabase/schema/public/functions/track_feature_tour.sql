CREATE OR REPLACE FUNCTION public.track_feature_tour(p_tour_key text, p_event public.tour_event, p_step integer DEFAULT NULL::integer)
 RETURNS public.feature_tours
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  r public.feature_tours;
begin
  if p_tour_key is null or p_event is null then
    raise exception 'tour key and event are required' using errcode = '22023';
  end if;
  if p_event = 'step' and p_step is null then
    raise exception 'p_step: a step event names the step' using errcode = '22023';
  end if;
  update public.feature_tours t set
    times_shown = t.times_shown + case when p_event = 'shown' then 1 else 0 end,
    last_shown_at = case when p_event = 'shown' then now() else t.last_shown_at end,
    status = case p_event when 'shown' then case when t.status = 'pending' then 'active' else t.status end
                          when 'step' then 'active' when 'completed' then 'completed' else 'dismissed' end::public.tour_status,
    current_step = case when p_event = 'step' then p_step else t.current_step end,
    interactions = t.interactions + case when p_event = 'step' then 1 else 0 end
  where t.user_id = (select auth.uid()) and t.tour_key = p_tour_key
  returning * into r;
  if not found then
    raise exception 'you have no tour %', p_tour_key using errcode = 'PT404';
  end if;
  return r;
end $function$;
comment on function public.track_feature_tour(text,public.tour_event,integer) is 'The caller records a tour event: shown (times_shown +1, pending -> active), step (moves to p_step, interactions +1), completed or dismissed.';
grant execute on function public.track_feature_tour(text,public.tour_event,integer) to authenticated;
grant execute on function public.track_feature_tour(text,public.tour_event,integer) to service_role;
