CREATE OR REPLACE FUNCTION private.check_strategy_document()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  problem text;
begin
  if tg_op = 'UPDATE' and new.kind <> old.kind then
    raise exception 'a document''s kind cannot change; create a new document' using errcode = '22023';
  end if;
  problem := private.strategy_document_problem(new.kind, new.body);
  if problem is not null then
    raise exception '%', problem using errcode = '22023';
  end if;
  if tg_op = 'INSERT' then
    new.version := 1;
  elsif new.body is distinct from old.body then
    new.version := old.version + 1;
  else
    new.version := old.version;
  end if;
  if new.status = 'active' and (tg_op = 'INSERT' or old.status <> 'active') and exists (
    select 1 from public.strategy_documents d
    where d.workspace_id = new.workspace_id and d.kind = new.kind and d.status = 'active' and d.id <> new.id
      and d.campaign_id is not distinct from new.campaign_id
  ) then
    raise exception 'another % document is already active here; archive it first', replace(new.kind::text, '_', ' ')
      using errcode = '23505';
  end if;
  return new;
end $function$;
comment on function private.check_strategy_document() is 'BEFORE INSERT/UPDATE on strategy_documents: body valid for its kind (22023), kind fixed, version counting, one active per kind and scope (23505).';
