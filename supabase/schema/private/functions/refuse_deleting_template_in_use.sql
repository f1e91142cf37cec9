CREATE OR REPLACE FUNCTION private.refuse_deleting_template_in_use()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  rule_name text;
begin
  select r.name into rule_name
  from public.email_automation_rules r
  where r.workspace_id = old.workspace_id and r.template_id = old.id and r.active
    and exists (select 1 from public.workspaces w where w.id = old.workspace_id)
  order by r.name limit 1;
  if found then
    raise exception 'the active automation "%" sends this template', rule_name using errcode = 'PT409',
      hint = 'pause that automation or give it another template first';
  end if;
  return old;
end $function$;
comment on function private.refuse_deleting_template_in_use() is 'BEFORE DELETE on email_templates: refuses (PT409) while an active automation sends the template.';
