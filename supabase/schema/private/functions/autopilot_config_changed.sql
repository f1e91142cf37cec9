CREATE OR REPLACE FUNCTION private.autopilot_config_changed()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  changed text[];
begin
  if tg_op = 'INSERT' then
    insert into public.autopilot_cron_schedule (workspace_id, job)
    select new.workspace_id, j from unnest(enum_range(null::public.autopilot_job)) j
    on conflict do nothing;
    perform private.log_autopilot_activity(new.workspace_id, 'config_changed',
      case when new.enabled then 'Autopilot set up and enabled' else 'Autopilot set up (disabled)' end,
      'autopilot_configs', null, jsonb_build_object('enabled', new.enabled),
      case when private.is_end_user() then 'user' else 'system' end::public.actor_kind);
  else
    changed := array(select n.key from jsonb_each(to_jsonb(new)) n
                     where n.key not in ('updated_at') and n.value is distinct from to_jsonb(old) -> n.key order by 1);
    if cardinality(changed) > 0 then
      perform private.log_autopilot_activity(new.workspace_id, 'config_changed',
        case when new.enabled and not old.enabled then 'Autopilot enabled'
             when old.enabled and not new.enabled then 'Autopilot disabled'
             else 'Autopilot settings changed: ' || array_to_string(changed, ', ') end,
        'autopilot_configs', null, jsonb_build_object('changed', to_jsonb(changed)),
        case when private.is_end_user() then 'user' else 'system' end::public.actor_kind);
    end if;
  end if;
  return null;
end $function$;
comment on function private.autopilot_config_changed() is 'AFTER INSERT/UPDATE on autopilot_configs: creates the workspace''s cron schedule rows and logs the change.';
