-- experiment_daily_metrics follows updates and deletes, not only inserts: an event moved to
-- another day, an assignment given to another variant, or a deleted event queues both the old
-- and the new (experiment, day) for the incremental refresh, so it equals a full recomputation.

create or replace function private.mark_experiment_rollup_dirty() returns trigger
language plpgsql security definer set search_path = '' as $$
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
end $$;
comment on function private.mark_experiment_rollup_dirty() is 'Statement trigger on experiment_assignments and experiment_events (inserts, updates, deletes: the old and the new day) and experiments (goal_event changes): queues the (experiment, day) pairs to recompute.';

create trigger mark_experiment_rollup_dirty_update after update on public.experiment_assignments
  referencing old table as old_rows new table as new_rows for each statement execute function private.mark_experiment_rollup_dirty();
create trigger mark_experiment_rollup_dirty_delete after delete on public.experiment_assignments
  referencing old table as old_rows for each statement execute function private.mark_experiment_rollup_dirty();
create trigger mark_experiment_rollup_dirty_update after update on public.experiment_events
  referencing old table as old_rows new table as new_rows for each statement execute function private.mark_experiment_rollup_dirty();
create trigger mark_experiment_rollup_dirty_delete after delete on public.experiment_events
  referencing old table as old_rows for each statement execute function private.mark_experiment_rollup_dirty();

-- The refresh deletes the queued days' rows and inserts what the sources now hold; a day whose
-- last row went away is thereby emptied (it had no row in the full recomputation either).

