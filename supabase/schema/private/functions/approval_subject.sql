CREATE OR REPLACE FUNCTION private.approval_subject(p_workspace_id uuid, p_action public.approval_action, p_payload jsonb, OUT subject_table text, OUT subject_id text)
 RETURNS record
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  f record;
begin
  if p_action in ('pause_ad_campaign', 'resume_ad_campaign', 'change_ad_budget') then
    subject_table := 'ad_campaigns';
    subject_id := (private.approval_ad_campaign(p_workspace_id, p_payload)).id::text;
    return;
  end if;
  select x.names_table, p_payload ->> x.key as id into f
  from private.approval_payload_fields(p_action) x where x.names_table is not null and x.required limit 1;
  if f.id is not null then
    subject_table := f.names_table;
    subject_id := f.id;
  end if;
end $function$;
comment on function private.approval_subject(uuid,public.approval_action,jsonb) is 'The table and id an action is about, from its payload (ad actions: the ad campaign; others: the first row their payload names); nulls when it names none.';
grant execute on function private.approval_subject(uuid,public.approval_action,jsonb) to authenticated;
