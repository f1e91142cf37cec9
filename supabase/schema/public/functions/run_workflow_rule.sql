CREATE OR REPLACE FUNCTION public.run_workflow_rule(p_rule_id uuid, p_subject jsonb DEFAULT '{}'::jsonb, p_entity_id uuid DEFAULT NULL::uuid)
 RETURNS uuid
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_rule_id is null then
    raise exception 'p_rule_id is required' using errcode = '22023';
  end if;
  if jsonb_typeof(p_subject) is distinct from 'object' or octet_length(p_subject::text) > 16384 then
    raise exception 'p_subject must be a JSON object of at most 16 kB' using errcode = '22023';
  end if;
  return private.start_manual_workflow(p_rule_id, p_subject, p_entity_id);
end $function$;
comment on function public.run_workflow_rule(uuid,jsonb,uuid) is 'Members: runs a manual workflow rule now with p_subject as the event row (conditions see it as row.*); returns the execution id. Its actions run on the next worker round (within a minute).';
grant execute on function public.run_workflow_rule(uuid,jsonb,uuid) to authenticated;
grant execute on function public.run_workflow_rule(uuid,jsonb,uuid) to service_role;
