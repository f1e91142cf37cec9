CREATE OR REPLACE FUNCTION private.anon_assign_experiment(p_workspace_id uuid, p_key text, p_visitor_id text, p_context jsonb)
 RETURNS private.experiment_assignment_row
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  e public.experiments;
  vid uuid;
  a_at timestamptz;
  bucket numeric;
  inside boolean := false;
  r private.experiment_assignment_row;
begin
  select * into e from public.experiments x where x.workspace_id = p_workspace_id and x.key = p_key;
  if not found then
    raise exception 'no experiment % in this workspace', p_key using errcode = 'PT404';
  end if;
  if e.status in ('running', 'paused') then
    select a.variant_id, a.assigned_at into vid, a_at from public.experiment_assignments a
    where a.workspace_id = p_workspace_id and a.experiment_id = e.id and a.visitor_id = p_visitor_id;
    inside := found;
  end if;
  if not inside and e.status = 'running' and private.targeting_matches(e.targeting_rules, p_context) then
    bucket := private.experiment_bucket(e.key, p_visitor_id);
    select rg.variant_id into vid from private.experiment_variant_ranges(e.id) rg
    where bucket >= rg.range_start and bucket < rg.range_end;
    if vid is not null then
      insert into public.experiment_assignments (workspace_id, experiment_id, visitor_id, variant_id)
      values (p_workspace_id, e.id, p_visitor_id, vid)
      on conflict (workspace_id, experiment_id, visitor_id) do nothing
      returning assigned_at into a_at;
      if a_at is null then  -- a concurrent call assigned first: return what it stored
        select a.variant_id, a.assigned_at into vid, a_at from public.experiment_assignments a
        where a.workspace_id = p_workspace_id and a.experiment_id = e.id and a.visitor_id = p_visitor_id;
      end if;
      inside := true;
    end if;
  end if;
  if not inside then
    vid := coalesce(case when e.status = 'completed' then e.winner_variant_id end,
                    (select v.id from public.experiment_variants v where v.experiment_id = e.id and v.is_control));
    a_at := null;
  end if;
  select e.key, v.key, v.url, v.config, inside, a_at into r
  from (select 1) one left join public.experiment_variants v on v.id = vid;
  return r;
end $function$;
comment on function private.anon_assign_experiment(uuid,text,text,jsonb) is 'Definer half of public.assign_experiment: the stored assignment, or a new one by hash bucketing when the experiment runs and the visitor is targeted and inside the traffic share; otherwise the control (a completed experiment''s winner).';
grant execute on function private.anon_assign_experiment(uuid,text,text,jsonb) to anon;
grant execute on function private.anon_assign_experiment(uuid,text,text,jsonb) to authenticated;
grant execute on function private.anon_assign_experiment(uuid,text,text,jsonb) to service_role;
