CREATE OR REPLACE FUNCTION private.refuse_deleting_brand_file()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.refuse_deleting_brand_file() is 'BEFORE DELETE on digital_assets: refuses (PT409) while a logo, guideline or imagery brand asset has this file and no URL.';
