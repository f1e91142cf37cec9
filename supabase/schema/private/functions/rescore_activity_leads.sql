CREATE OR REPLACE FUNCTION private.rescore_activity_leads()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ids uuid[];
begin
  if tg_op = 'INSERT' then
    ids := array(select distinct n.lead_id from new_rows n);
  elsif tg_op = 'DELETE' then
    ids := array(select distinct o.lead_id from old_rows o);
  else
    ids := array(select n.lead_id from new_rows n union select o.lead_id from old_rows o);
  end if;
  perform private.apply_lead_scores(ids);
  return null;
end $function$;
comment on function private.rescore_activity_leads() is 'Statement trigger on lead_activities: rescores every lead whose activities were inserted, changed or deleted.';
