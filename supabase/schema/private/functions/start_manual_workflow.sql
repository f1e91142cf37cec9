CREATE OR REPLACE FUNCTION private.start_manual_workflow(p_rule_id uuid, p_subject jsonb, p_entity_id uuid)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  r public.workflow_rules;
  eid uuid;
begin
  select * into r from public.workflow_rules w where w.id = p_rule_id;
  if not found or private.is_end_user()
     and not (r.workspace_id = any (array(select private.workspace_ids('viewer')))) then
    raise exception 'no workflow rule %', p_rule_id using errcode = 'PT404';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(r.workspace_id, 'member');
  end if;
  if r.trigger_type <> 'manual' then
    raise exception 'this rule runs on %, not on demand', r.trigger_type using errcode = 'PT409';
  end if;
  if not r.active then
    raise exception 'this rule is switched off' using errcode = 'PT409';
  end if;
  if not private.conditions_match(r.conditions, jsonb_build_object('row', p_subject)) then
    raise exception 'the rule''s conditions do not hold for this subject' using errcode = 'PT409';
  end if;
  select x into eid from private.enqueue_workflow_runs('manual',
    jsonb_build_array(jsonb_build_object('workspace_id', r.workspace_id, 'entity_id', p_entity_id,
                                         'subject', jsonb_build_object('row', p_subject))), r.id) x;
  return eid;
end $function$;
comment on function private.start_manual_workflow(uuid,jsonb,uuid) is 'Starts a manual rule for a member of its workspace (PT404 unseen, 42501 viewers, PT409 not manual, off, or conditions not met).';
grant execute on function private.start_manual_workflow(uuid,jsonb,uuid) to authenticated;
grant execute on function private.start_manual_workflow(uuid,jsonb,uuid) to service_role;
