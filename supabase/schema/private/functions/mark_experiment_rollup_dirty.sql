CREATE OR REPLACE FUNCTION private.mark_experiment_rollup_dirty()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if tg_table_name = 'experiments' then
    -- a new goal event changes the goal counts of every day already rolled up
    insert into private.experiment_rollup_dirty (experiment_id, day)
    select distinct m.experiment_id, m.day from public.experiment_daily_metrics m
    join new_rows n on n.id = m.experiment_id
    join old_rows o on o.id = n.id and o.goal_event is distinct from n.goal_event
    on conflict do nothing;
    return null;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    if tg_table_name = 'experiment_assignments' then
      insert into private.experiment_rollup_dirty (experiment_id, day)
      select distinct n.experiment_id, (n.assigned_at at time zone 'UTC')::date from new_rows n
      on conflict do nothing;
    else
      insert into private.experiment_rollup_dirty (experiment_id, day)
      select distinct n.experiment_id, (n.occurred_at at time zone 'UTC')::date from new_rows n
      on conflict do nothing;
    end if;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    -- rows of a deleted experiment are going with it (cascade): nothing to queue for them
    if tg_table_name = 'experiment_assignments' then
      insert into private.experiment_rollup_dirty (experiment_id, day)
      select distinct o.experiment_id, (o.assigned_at at time zone 'UTC')::date from old_rows o
      where exists (select 1 from public.experiments x where x.id = o.experiment_id)
      on conflict do nothing;
    else
      insert into private.experiment_rollup_dirty (experiment_id, day)
      select distinct o.experiment_id, (o.occurred_at at time zone 'UTC')::date from old_rows o
      where exists (select 1 from public.experiments x where x.id = o.experiment_id)
      on conflict do nothing;
    end if;
  end if;
  return null;
end $function$;
comment on function private.mark_experiment_rollup_dirty() is 'Statement trigger on experiment_assignments and experiment_events (inserts, updates, deletes: the old and the new day) and experiments (goal_event changes): queues the (experiment, day) pairs to recompute.';
