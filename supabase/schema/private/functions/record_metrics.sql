CREATE OR REPLACE FUNCTION private.record_metrics(p_workspace_id uuid, p_metrics jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  if p_metrics is null or jsonb_typeof(p_metrics) <> 'array' then
    raise exception 'metrics must be an array of {entity_type, entity_id, metric, value, measured_at?}' using errcode = '22023';
  end if;
  perform private.require_batch_size('metrics', jsonb_array_length(p_metrics), 1000);
  insert into public.real_time_metrics as m (workspace_id, entity_type, entity_id, metric, value, measured_at)
  select distinct on (e ->> 'entity_type', e ->> 'entity_id', e ->> 'metric')
         p_workspace_id, e ->> 'entity_type', e ->> 'entity_id', e ->> 'metric', (e ->> 'value')::numeric,
         coalesce((e ->> 'measured_at')::timestamptz, now())
  from jsonb_array_elements(p_metrics) e
  order by e ->> 'entity_type', e ->> 'entity_id', e ->> 'metric', coalesce((e ->> 'measured_at')::timestamptz, now()) desc
  on conflict (workspace_id, entity_type, entity_id, metric) do update set
    previous_value = m.value, value = excluded.value, measured_at = excluded.measured_at
  where excluded.measured_at >= m.measured_at;
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function private.record_metrics(uuid,jsonb) is 'Service: upserts up to 1000 latest metric values; an older measurement never replaces a newer one. Returns rows written.';
grant execute on function private.record_metrics(uuid,jsonb) to service_role;
