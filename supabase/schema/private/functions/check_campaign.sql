CREATE OR REPLACE FUNCTION private.check_campaign()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  problem text := private.kpi_targets_problem(new.kpi_targets);
begin
  if problem is not null then
    raise exception 'kpi_targets: %', problem using errcode = '22023';
  end if;
  new.channels := array(select distinct c from unnest(new.channels) c order by c);
  new.name := btrim(new.name);
  if (tg_op = 'INSERT' or new.name is distinct from old.name) and exists (
    select 1 from public.campaigns c where c.workspace_id = new.workspace_id and c.name = new.name and c.id <> new.id
  ) then
    raise exception 'a campaign named "%" already exists in this workspace', new.name using errcode = '23505';
  end if;
  if tg_op = 'UPDATE' and new.status <> old.status and not (
    (old.status = 'draft' and new.status in ('planned', 'active', 'archived'))
    or (old.status = 'planned' and new.status in ('draft', 'active', 'archived'))
    or (old.status = 'active' and new.status in ('paused', 'completed'))
    or (old.status = 'paused' and new.status in ('active', 'completed', 'archived'))
    or (old.status = 'completed' and new.status = 'archived')
  ) then
    raise exception 'a campaign cannot go from % to %', old.status, new.status using errcode = 'PT409',
      hint = 'draft -> planned -> active <-> paused -> completed -> archived';
  end if;
  return new;
end $function$;
comment on function private.check_campaign() is 'BEFORE INSERT/UPDATE on campaigns: KPI targets, unique name (23505 with a readable message), status lifecycle (PT409).';
