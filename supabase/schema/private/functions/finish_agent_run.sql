CREATE OR REPLACE FUNCTION private.finish_agent_run(p_run_id uuid, p_succeeded boolean, p_output jsonb DEFAULT NULL::jsonb, p_error text DEFAULT NULL::text)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  r public.agent_runs;
  stored jsonb := '{}'::jsonb;
begin
  select * into r from public.agent_runs x where x.id = p_run_id for update;
  if not found then
    raise exception 'no run %', p_run_id using errcode = 'PT404';
  end if;
  if r.status <> 'running' then
    return jsonb_build_object('status', r.status);
  end if;
  if p_succeeded then
    begin
      stored := private.store_agent_run_output(r, coalesce(p_output, '{}'));
    exception when sqlstate '22023' or sqlstate '23503' or sqlstate '23514' or sqlstate '22P02' then
      p_succeeded := false;
      p_error := 'the output could not be stored: ' || sqlerrm;
    end;
  end if;
  update public.agent_runs set status = case when p_succeeded then 'succeeded' else 'failed' end::public.agent_run_status,
    output = case when p_output is null then output else p_output || jsonb_build_object('stored', stored) end,
    error = case when p_succeeded then null else left(coalesce(p_error, 'failed'), 4000) end
  where id = r.id;
  return jsonb_build_object('status', case when p_succeeded then 'succeeded' else 'failed' end, 'stored', stored);
end $function$;
comment on function private.finish_agent_run(uuid,boolean,jsonb,text) is 'The runtime''s last word on a running run: succeeded with its output (stored where its kind goes, private.store_agent_run_output; output that cannot be stored fails the run) or failed with the error. A run that is no longer running is left as it is.';
grant execute on function private.finish_agent_run(uuid,boolean,jsonb,text) to service_role;
