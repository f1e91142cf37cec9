CREATE OR REPLACE FUNCTION private.rescore_rule_workspaces()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ws uuid[];
begin
  if tg_op = 'INSERT' then
    ws := array(select distinct n.workspace_id from new_rows n where n.active);
  elsif tg_op = 'DELETE' then
    ws := array(select distinct o.workspace_id from old_rows o where o.active);
  else
    -- only changes that can move a score
    ws := array(
      select distinct n.workspace_id from new_rows n join old_rows o on o.id = n.id
      where (n.active or o.active)
        and (n.active, n.points, n.max_occurrences, n.activity_type, n.conditions)
            is distinct from (o.active, o.points, o.max_occurrences, o.activity_type, o.conditions));
  end if;
  if cardinality(ws) > 0 then
    perform private.apply_lead_scores(array(select l.id from public.leads l where l.workspace_id = any (ws)));
  end if;
  return null;
end $function$;
comment on function private.rescore_rule_workspaces() is 'Statement trigger on lead_scoring_rules: rescores every lead of a workspace whose scoring rules changed in a way that can move a score.';
