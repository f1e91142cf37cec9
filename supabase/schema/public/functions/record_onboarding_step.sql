CREATE OR REPLACE FUNCTION public.record_onboarding_step(p_workspace_id uuid, p_step_key text, p_status public.onboarding_status, p_seconds_spent integer DEFAULT 0, p_step_order integer DEFAULT NULL::integer)
 RETURNS public.onboarding_progress
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  r public.onboarding_progress;
begin
  if (select auth.uid()) is null then
    raise exception 'sign in to record onboarding' using errcode = '42501';
  end if;
  if p_workspace_id is null or p_step_key is null or p_status is null then
    raise exception 'workspace, step and status are required' using errcode = '22023';
  end if;
  if p_seconds_spent is null or p_seconds_spent not between 0 and 86400 then
    raise exception 'p_seconds_spent: between 0 and 86400 seconds per call' using errcode = '22023';
  end if;
  perform private.require_workspace_role(p_workspace_id, 'viewer');
  insert into public.onboarding_progress as o (user_id, workspace_id, step_key, step_order, status, time_spent_seconds)
  values ((select auth.uid()), p_workspace_id, p_step_key, coalesce(p_step_order, 0), p_status, p_seconds_spent)
  on conflict (user_id, workspace_id, step_key) do update set
    status = excluded.status,
    step_order = coalesce(p_step_order, o.step_order),
    time_spent_seconds = least(o.time_spent_seconds::bigint + excluded.time_spent_seconds, 2147483647)::integer
  returning * into r;
  return r;
end $function$;
comment on function public.record_onboarding_step(uuid,text,public.onboarding_status,integer,integer) is 'The caller records a step of their onboarding in a workspace they belong to: sets its status and adds p_seconds_spent (0-86400). Entering in_progress counts an attempt.';
grant execute on function public.record_onboarding_step(uuid,text,public.onboarding_status,integer,integer) to authenticated;
grant execute on function public.record_onboarding_step(uuid,text,public.onboarding_status,integer,integer) to service_role;
