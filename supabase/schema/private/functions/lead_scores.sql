CREATE OR REPLACE FUNCTION private.lead_scores(p_lead_ids uuid[])
 RETURNS TABLE(lead_id uuid, score integer, last_activity_at timestamp with time zone)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select l.id,
         greatest(least(coalesce((
           select sum(x.pts) from (
             select r.points::bigint * least(count(*), coalesce(r.max_occurrences, count(*))) as pts
             from public.lead_scoring_rules r
             join public.lead_activities a
               on a.workspace_id = l.workspace_id and a.lead_id = l.id
              and (r.activity_type is null or a.activity_type = r.activity_type)
             where r.workspace_id = l.workspace_id and r.active
               and (r.conditions = '[]'::jsonb
                    or private.conditions_match(r.conditions, private.lead_activity_subject(a.activity_type, a.occurred_at, a.activity_data)))
             group by r.id, r.points, r.max_occurrences
           ) x), 0), 2147483647), -2147483648)::integer,
         (select max(a.occurred_at) from public.lead_activities a where a.workspace_id = l.workspace_id and a.lead_id = l.id)
  from public.leads l
  where l.id = any (p_lead_ids)
$function$;
comment on function private.lead_scores(uuid[]) is 'Recomputes the listed leads'' scores (and latest activity) from scratch; the triggers store exactly this.';
grant execute on function private.lead_scores(uuid[]) to service_role;
