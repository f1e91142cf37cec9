-- Supabase's advisor (splinter) reported two WARNs on the migrated schema:
-- - extension_in_public: pg_cron was created in public. Supabase installs it in pg_catalog
--   (its objects live in the cron schema either way). pg_cron cannot change schema in place,
--   so it is recreated there with every scheduled job as it was.
-- - multiple_permissive_policies on workspaces (SELECT): the two read policies become one.

create temp table saved_cron_jobs on commit drop as
  select jobname, schedule, command, active from cron.job where jobname is not null;
drop extension pg_cron;
create extension pg_cron with schema pg_catalog;
grant usage on schema cron to postgres;
select cron.schedule(j.jobname, j.schedule, j.command) from saved_cron_jobs j;
select cron.alter_job(c.jobid, active => false)
from cron.job c join saved_cron_jobs j on j.jobname = c.jobname where not j.active;

drop policy "members read their workspaces" on public.workspaces;
drop policy "creators read the workspace they are creating" on public.workspaces;
create policy "members read their workspaces, creators the one they are creating" on public.workspaces
  for select to authenticated
  using (id = any (array(select private.workspace_ids('viewer')))
         or (created_by = (select auth.uid()) and created_at = now()));
