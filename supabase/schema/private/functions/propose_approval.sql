CREATE OR REPLACE FUNCTION private.propose_approval(p_workspace_id uuid, p_action public.approval_action, p_title text, p_payload jsonb, p_subject_table text DEFAULT NULL::text, p_subject_id text DEFAULT NULL::text, p_agent_id uuid DEFAULT NULL::uuid, p_rationale text DEFAULT NULL::text, p_priority public.approval_priority DEFAULT 'normal'::public.approval_priority, p_expires_at timestamp with time zone DEFAULT (now() + '72:00:00'::interval), p_dedupe_key text DEFAULT NULL::text, p_proposer_name text DEFAULT NULL::text, p_expected_impact jsonb DEFAULT '{}'::jsonb, p_confidence numeric DEFAULT NULL::numeric, p_run_id uuid DEFAULT NULL::uuid)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  new_id uuid;
begin
  insert into public.agent_approvals (workspace_id, agent_id, run_id, proposer, proposer_name, proposed_by, action, title,
    rationale, payload, subject_table, subject_id, priority, confidence, expected_impact, dedupe_key, expires_at)
  values (p_workspace_id, p_agent_id, p_run_id, 'system', p_proposer_name, null, p_action, p_title, p_rationale,
    coalesce(p_payload, '{}'), p_subject_table, p_subject_id, coalesce(p_priority, 'normal'), p_confidence, coalesce(p_expected_impact, '{}'), p_dedupe_key, p_expires_at)
  on conflict (workspace_id, dedupe_key) where status = 'pending' do nothing
  returning id into new_id;
  if new_id is null then
    select a.id into new_id from public.agent_approvals a
    where a.workspace_id = p_workspace_id and a.dedupe_key = p_dedupe_key and a.status = 'pending';
  end if;
  return new_id;
end $function$;
comment on function private.propose_approval(uuid,public.approval_action,text,jsonb,text,text,uuid,text,public.approval_priority,timestamp with time zone,text,text,jsonb,numeric,uuid) is 'Service and cron: proposes an action (proposer agent when p_agent_id is given, else system). With p_dedupe_key it is idempotent: the pending approval with that key is returned instead of a new one.';
grant execute on function private.propose_approval(uuid,public.approval_action,text,jsonb,text,text,uuid,text,public.approval_priority,timestamp with time zone,text,text,jsonb,numeric,uuid) to service_role;
