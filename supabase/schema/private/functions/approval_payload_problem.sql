CREATE OR REPLACE FUNCTION private.approval_payload_problem(p_workspace_id uuid, p_action public.approval_action, p_payload jsonb)
 RETURNS text
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  f record;
  problem text;
  allowed text[];
  found_row boolean;
begin
  if jsonb_typeof(p_payload) is distinct from 'object' then
    return 'the payload must be a JSON object';
  end if;
  if p_action = 'other' then
    return 'an approval of kind other has no automatic executor: carry it out by hand';
  end if;
  allowed := array(select x.key from private.approval_payload_fields(p_action) x);
  if p_action in ('pause_ad_campaign', 'resume_ad_campaign', 'change_ad_budget') then
    allowed := allowed || array['ad_campaign_id', 'platform', 'external_campaign_id'];
    problem := private.ad_ref_problem(p_workspace_id, p_payload, '');
    if problem is not null then return 'payload: ' || btrim(problem); end if;
  elsif p_action = 'shift_ad_budget' then
    allowed := allowed || array['from', 'to'];
    problem := coalesce(private.ad_ref_problem(p_workspace_id, p_payload -> 'from', 'from.'),
                        private.ad_ref_problem(p_workspace_id, p_payload -> 'to', 'to.'));
    if problem is not null then return 'payload.' || problem; end if;
    if (private.approval_ad_campaign(p_workspace_id, p_payload -> 'from')).id
       = (private.approval_ad_campaign(p_workspace_id, p_payload -> 'to')).id then
      return 'payload: from and to name the same ad campaign';
    end if;
  end if;
  problem := private.unknown_keys(p_payload, allowed);
  if problem is not null then
    return 'payload: unknown keys ' || problem || '; ' || p_action || ' takes ' || array_to_string(allowed, ', ');
  end if;
  for f in select * from private.approval_payload_fields(p_action) loop
    if not p_payload ? f.key then
      if f.required then return format('payload.%s is required', f.key); end if;
      continue;
    end if;
    problem := private.payload_value_problem(p_payload -> f.key, f.kind);
    if problem is not null then return format('payload.%s %s', f.key, problem); end if;
    if f.names_table is not null then
      -- the table comes from the fixed list above, never from the payload
      execute format('select exists (select 1 from public.%I t where t.workspace_id = $1 and t.id = $2)', f.names_table)
        into found_row using p_workspace_id, (p_payload ->> f.key)::uuid;
      if not found_row then
        return format('payload.%s names no %s row of this workspace', f.key, f.names_table);
      end if;
    end if;
  end loop;
  if p_action in ('update_content_calendar', 'update_product')
     and not exists (select 1 from private.approval_payload_fields(p_action) x where not x.required and p_payload ? x.key) then
    return format('payload: %s changes nothing; give at least one of %s', p_action,
                  (select string_agg(x.key, ', ') from private.approval_payload_fields(p_action) x where not x.required));
  end if;
  return null;
end $function$;
comment on function private.approval_payload_problem(uuid,public.approval_action,jsonb) is 'Why an action''s payload cannot be executed (a missing or malformed field, an unknown key, a row that is not in the workspace, kind other), or null. Agent proposals are checked with it when filed, and every approval again before it executes.';
grant execute on function private.approval_payload_problem(uuid,public.approval_action,jsonb) to service_role;
