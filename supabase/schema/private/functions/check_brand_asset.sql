CREATE OR REPLACE FUNCTION private.check_brand_asset()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  v jsonb := new.value;
  problem text;
begin
  problem := case
    when jsonb_typeof(v) is distinct from 'object' then 'must be a JSON object'
    when octet_length(v::text) > 8192 then 'is larger than 8 kB'
    when new.kind = 'color' and coalesce(v ->> 'hex', '') !~ '^#[0-9A-Fa-f]{6}$' then 'hex: a color needs "#RRGGBB"'
    when new.kind = 'font' and coalesce(btrim(v ->> 'family'), '') = '' then 'family: a font needs a family name'
    when new.kind in ('tagline', 'tone_of_voice') and coalesce(btrim(v ->> 'text'), '') = ''
      then 'text: a ' || replace(new.kind::text, '_', ' ') || ' needs text'
    when new.kind in ('logo', 'guideline', 'imagery') and new.digital_asset_id is null
         and coalesce(v ->> 'url', '') !~ '^https?://' then 'url: link a digital asset or give an http(s) url'
  end;
  if problem is not null then
    raise exception 'value.%', problem using errcode = '22023';
  end if;
  if new.is_primary and exists (select 1 from public.brand_assets b where b.workspace_id = new.workspace_id
                                and b.kind = new.kind and b.is_primary and b.id <> new.id) then
    raise exception 'there already is a primary %; unset it first', replace(new.kind::text, '_', ' ') using errcode = '23505';
  end if;
  return new;
end $function$;
comment on function private.check_brand_asset() is 'BEFORE INSERT/UPDATE on brand_assets: validates value per kind (22023) and one primary per kind (23505).';
