CREATE OR REPLACE FUNCTION private.uncredit_journeys(p_workspace_ids uuid[], p_visitor_ids text[], p_times timestamp with time zone[])
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  with t as (
    select * from unnest(p_workspace_ids, p_visitor_ids, p_times) as t (workspace_id, visitor_id, at)
  ), hit as (
    select c.id from t
    join public.conversions c on c.workspace_id = t.workspace_id and c.visitor_id = t.visitor_id
    left join public.attribution_settings s on s.workspace_id = c.workspace_id
    where c.credited_at is not null and c.occurred_at >= t.at
      and c.occurred_at < t.at + make_interval(days => coalesce(s.lookback_days, 30))
    union
    select c.id from t
    join public.visitors v on v.workspace_id = t.workspace_id and v.visitor_id = t.visitor_id and v.identity_id is not null
    join public.conversions c on c.workspace_id = v.workspace_id and c.identity_id = v.identity_id
    left join public.attribution_settings s on s.workspace_id = c.workspace_id
    where c.credited_at is not null and c.occurred_at >= t.at
      and c.occurred_at < t.at + make_interval(days => coalesce(s.lookback_days, 30))
  )
  update public.conversions c set credited_at = null from hit h where c.id = h.id;
end $function$;
comment on function private.uncredit_journeys(uuid[],text[],timestamp with time zone[]) is 'Makes pending again the credited conversions whose journey a change at (workspace, visitor, time) can alter: the visitor''s and its identity''s conversions within the lookback after that time.';
