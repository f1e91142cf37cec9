CREATE OR REPLACE FUNCTION private.record_provider_probes(p_probes jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  p jsonb;
  ws uuid;
  n integer := 0;
begin
  if jsonb_typeof(p_probes) is distinct from 'array' then
    raise exception 'probes must be a JSON array' using errcode = '22023';
  end if;
  perform private.require_batch_size('probes', jsonb_array_length(p_probes), 200);
  for p in select * from jsonb_array_elements(p_probes) loop
    for ws in
      select w.id from public.workspaces w
      where case when jsonb_typeof(p -> 'workspace_ids') = 'array' then w.id::text in (select jsonb_array_elements_text(p -> 'workspace_ids'))
                 when p ->> 'provider' = 'slack' then exists (select 1 from public.integration_connections c
                                                              where c.workspace_id = w.id and c.provider = 'slack' and c.status = 'active')
                 else true end
    loop
      perform private.record_health_check(ws, private.health_service('provider.' || (p ->> 'provider')),
        case when (p ->> 'reachable')::boolean then 'healthy' else 'down' end::public.health_status,
        (p ->> 'response_time_ms')::integer, p ->> 'error', jsonb_build_object('url', p ->> 'url', 'status', p -> 'status'));
      n := n + 1;
    end loop;
  end loop;
  return n;
end $function$;
comment on function private.record_provider_probes(jsonb) is 'ops-health (service role): records whether each provider''s base URL answered ([{provider, url, reachable, status, response_time_ms, error, workspace_ids?}]) for the workspaces that use it (every workspace for email and AI, Slack''s for Slack, the named ones for a Chatwoot instance). At most 200 probes.';
grant execute on function private.record_provider_probes(jsonb) to service_role;
