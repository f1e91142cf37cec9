CREATE OR REPLACE FUNCTION private.guard_agent_approval()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  signed_in boolean := private.is_end_user();
  uid uuid := (select auth.uid());
  agent_run uuid := nullif(auth.jwt() #>> '{agent_run,id}', '')::uuid;
  decided boolean;
begin
  if tg_op = 'INSERT' then
    if new.status <> 'pending' then
      raise exception 'an approval starts pending' using errcode = '22023';
    end if;
    if new.expires_at <= now() then
      raise exception 'expires_at must be in the future' using errcode = '22023';
    end if;
    if signed_in and agent_run is not null and new.run_id = agent_run and new.agent_id is not null then
      -- an agent run's proposal (private.propose_from_agent_run, under the run's scoped claims)
      new.proposer := 'agent';
      new.proposed_by := null;
    elsif signed_in then
      new.proposer := 'user';
      new.proposed_by := uid;
    else
      new.proposer := case when new.agent_id is not null then 'agent'
                           when new.proposed_by is not null then 'user' else 'system' end;
    end if;
    new.decided_by := null;
    new.decided_at := null;
    new.decision_log_id := null;
    new.executed_at := null;
    new.execution_result := null;
    new.execution_error := null;
    new.replaced := null;
    return new;
  end if;

  -- What was proposed never changes (a foreign key may still clear agent_id, run_id or undo_of_id).
  if (new.action, new.payload, new.subject_table, new.subject_id, new.proposer, new.proposed_by, new.title,
      new.rationale, new.expected_impact, new.dedupe_key)
     is distinct from (old.action, old.payload, old.subject_table, old.subject_id, old.proposer, old.proposed_by,
      old.title, old.rationale, old.expected_impact, old.dedupe_key)
     or new.agent_id is distinct from old.agent_id and new.agent_id is not null
     or new.run_id is distinct from old.run_id and new.run_id is not null
     or new.undo_of_id is distinct from old.undo_of_id and new.undo_of_id is not null then
    raise exception 'a proposal cannot be edited; reject it and propose a new one' using errcode = '42501';
  end if;

  if new.status is not distinct from old.status then
    if (new.decided_by, new.decided_at, new.decision_note, new.decision_log_id, new.executed_at, new.execution_result,
        new.execution_error, new.replaced)
       is distinct from (old.decided_by, old.decided_at, old.decision_note, old.decision_log_id, old.executed_at,
        old.execution_result, old.execution_error, old.replaced) then
      raise exception 'a decision and its outcome are recorded only by changing the status' using errcode = 'PT409';
    end if;
    if new.expires_at is distinct from old.expires_at and (signed_in or old.status <> 'pending') then
      raise exception 'only the proposer''s service can extend a pending approval' using errcode = '42501';
    end if;
    return new;
  end if;

  if old.status = 'expired' and new.status in ('approved', 'rejected') then
    raise exception 'this approval expired at %; it can no longer be decided', old.expires_at
      using errcode = 'PT410', hint = 'ask the proposer to propose it again';
  end if;
  if not (old.status = 'pending' and new.status in ('approved', 'rejected', 'expired')
          or old.status = 'approved' and new.status in ('executing', 'executed', 'failed')
          or old.status = 'executing' and new.status in ('executed', 'failed')) then
    raise exception 'an approval that is % cannot become %', old.status, new.status
      using errcode = 'PT409',
            hint = 'pending -> approved | rejected | expired; approved -> executing | executed | failed; executing -> executed | failed';
  end if;
  if new.execution_result is distinct from old.execution_result or new.execution_error is distinct from old.execution_error
     or new.executed_at is distinct from old.executed_at or new.replaced is distinct from old.replaced then
    if new.status not in ('executed', 'failed') then
      raise exception 'an execution outcome is reported with executed or failed' using errcode = 'PT409';
    end if;
  end if;

  decided := new.status in ('approved', 'rejected');
  if decided then
    if signed_in then
      if private.workspace_role(new.workspace_id) is null or private.workspace_role(new.workspace_id) < 'member' then
        raise exception 'deciding approvals needs the member role' using errcode = '42501';
      end if;
      if agent_run is not null then
        raise exception 'an agent run cannot decide approvals' using errcode = '42501';
      end if;
      if new.decided_by is distinct from old.decided_by and new.decided_by is distinct from uid then
        raise exception 'decided_by is taken from your session and cannot name someone else' using errcode = '42501';
      end if;
      new.decided_by := uid;
    end if;
    if old.expires_at <= now() then
      raise exception 'this approval expired at %; it can no longer be decided', old.expires_at
        using errcode = 'PT410', hint = 'ask the proposer to propose it again';
    end if;
    new.decided_at := now();
  elsif new.status = 'expired' then
    if signed_in then
      raise exception 'approvals expire on their own when expires_at passes' using errcode = '42501';
    end if;
    if old.expires_at > now() then
      raise exception 'this approval expires at %, not yet', old.expires_at using errcode = 'PT409';
    end if;
    new.decided_by := null;
    new.decided_at := now();
  else
    -- executing, executed, failed: the executing service's report
    if signed_in then
      raise exception 'only the service that executes the action reports its outcome' using errcode = '42501';
    end if;
    if new.decided_by is distinct from old.decided_by or new.decided_at is distinct from old.decided_at
       or new.decision_note is distinct from old.decision_note then
      raise exception 'the decision is kept as it was made' using errcode = 'PT409';
    end if;
    if new.status <> 'executing' then
      new.executed_at := now();
    end if;
    return new;
  end if;

  if new.decision_note is distinct from old.decision_note and new.status = 'expired' then
    raise exception 'an expiry carries no note' using errcode = 'PT409';
  end if;

  -- Record the decision (the decision log's own trigger records a signed-in caller as themselves).
  insert into public.decision_log (workspace_id, domain, actor_kind, actor_id, actor_name, decision, rationale,
    inputs, outcome, subject_table, subject_id)
  values (new.workspace_id, private.approval_domain(new.action),
    case when new.decided_by is null then 'system' else 'user' end::public.actor_kind, new.decided_by,
    case when new.status = 'expired' then 'approval-expiry' end,
    left(initcap(new.status::text) || ': ' || new.title, 2000), new.decision_note,
    jsonb_build_object('approval_id', new.id, 'action', new.action, 'payload', new.payload,
      'expected_impact', new.expected_impact, 'agent_id', new.agent_id, 'proposer', new.proposer,
      'proposer_name', new.proposer_name),
    jsonb_build_object('status', new.status),
    coalesce(new.subject_table, 'agent_approvals'), coalesce(new.subject_id, new.id::text))
  returning id into new.decision_log_id;
  return new;
end $function$;
comment on function private.guard_agent_approval() is 'BEFORE INSERT/UPDATE on agent_approvals: a proposal starts pending and never changes; the status moves pending -> approved | rejected | expired, approved -> executing | executed | failed, executing -> executed | failed; members decide (never an agent run), decided_by/decided_at come from the session, expiry only after expires_at, execution and its outcome from the service; an agent run''s proposal is recorded as the agent''s; each decision is written to decision_log.';
