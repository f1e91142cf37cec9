CREATE OR REPLACE FUNCTION private.mark_experiment_rollup_dirty()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if tg_table_name = 'experiment_assignments' then
    insert into private.experiment_rollup_dirty (experiment_id, day)
    select distinct n.experiment_id, (n.assigned_at at time zone 'UTC')::date from new_rows n
    on conflict do nothing;
  elsif tg_table_name = 'experiment_events' then
    insert into private.experiment_rollup_dirty (experiment_id, day)
    select distinct n.experiment_id, (n.occurred_at at time zone 'UTC')::date from new_rows n
    on conflict do nothing;
  else
    -- experiments: a new goal event changes the goal counts of every day already rolled up
    insert into private.experiment_rollup_dirty (experiment_id, day)
    select distinct m.experiment_id, m.day from public.experiment_daily_metrics m
    join new_rows n on n.id = m.experiment_id
    join old_rows o on o.id = n.id and o.goal_event is distinct from n.goal_event
    on conflict do nothing;
  end if;
  return null;
end $function$;
comment on function private.mark_experiment_rollup_dirty() is 'Statement trigger on experiment_assignments and experiment_events (inserts) and experiments (goal_event changes): queues the (experiment, day) pairs to recompute.';
