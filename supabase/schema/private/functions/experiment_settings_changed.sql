CREATE OR REPLACE FUNCTION private.experiment_settings_changed()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.rebuild_experiment_stats(array[new.id]);
  return null;
end $function$;
comment on function private.experiment_settings_changed() is 'AFTER UPDATE of goal_event, cuped_enabled or cuped_lookback_days on experiments: recomputes that experiment''s maintained statistics.';
