-- Deleting a file or a template that something still needs answered with another table's
-- validation: a digital asset that is the brand's logo (and the logo has no URL) gave 22023
-- "value.url: link a digital asset or give an http(s) url"; an email template that an active
-- automation sends gave 23514 from email_automation_rules. Both now refuse with 409 (PT409)
-- naming what uses them and what to do. Deleting the workspace deletes everything, as before.

create function private.refuse_deleting_brand_file() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  b record;
begin
  select ba.kind, ba.name into b
  from public.brand_assets ba
  where ba.workspace_id = old.workspace_id and ba.digital_asset_id = old.id
    and ba.kind in ('logo', 'guideline', 'imagery') and coalesce(ba.value ->> 'url', '') !~ '^https?://'
    and exists (select 1 from public.workspaces w where w.id = old.workspace_id)
  order by ba.name limit 1;
  if found then
    raise exception 'this file is the brand % "%"', replace(b.kind::text, '_', ' '), b.name using errcode = 'PT409',
      hint = 'give that brand asset another file or an http(s) url first';
  end if;
  return old;
end $$;
comment on function private.refuse_deleting_brand_file() is 'BEFORE DELETE on digital_assets: refuses (PT409) while a logo, guideline or imagery brand asset has this file and no URL.';
revoke all on function private.refuse_deleting_brand_file() from public;
create trigger refuse_deleting_brand_file before delete on public.digital_assets
  for each row execute function private.refuse_deleting_brand_file();

create function private.refuse_deleting_template_in_use() returns trigger
language plpgsql security definer set search_path = '' as $$
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
end $$;
comment on function private.refuse_deleting_template_in_use() is 'BEFORE DELETE on email_templates: refuses (PT409) while an active automation sends the template.';
revoke all on function private.refuse_deleting_template_in_use() from public;
create trigger refuse_deleting_template_in_use before delete on public.email_templates
  for each row execute function private.refuse_deleting_template_in_use();
