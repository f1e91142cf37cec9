-- Demo ads sync: the demo's Meta and Google connections have their schedules (made when they
-- connected, in 40_integrations) paused, since their tokens are fake, with a day of history:
-- the windows they queued on connecting shown as synced, with plausible counts.
update public.ad_sync_schedules set enabled = false, structure_synced_at = now() - interval '50 minutes'
where workspace_id = '10000000-0000-4000-8000-000000000001';

update private.connector_jobs set status = 'done', finished_at = now() - interval '40 minutes', last_outcome = 'done'
where queue = 'ads_sync' and workspace_id = '10000000-0000-4000-8000-000000000001' and status = 'queued';

update public.ad_sync_runs r set
  started_at = now() - interval '45 minutes', finished_at = now() - interval '40 minutes', attempts = 1,
  pages = case r.kind when 'backfill' then 4 else 2 end,
  api_calls = case r.kind when 'backfill' then 6 when 'recent' then 5 else 3 end,
  rows_applied = case r.kind when 'recent' then 42 else 0 end,
  rows_unchanged = case r.kind when 'backfill' then (r.window_to - r.window_from + 1) * 12 else 60 end
where r.workspace_id = '10000000-0000-4000-8000-000000000001';
