CREATE OR REPLACE FUNCTION private.check_knowledge_collection()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if new.scope = 'general' and new.owner_id is not null then
    raise exception 'a general collection has no owner_id' using errcode = '22023',
      hint = 'use scope campaign, demo or agent to attach the collection to one of them';
  end if;
  if new.scope <> 'general' and new.owner_id is null then
    raise exception 'a % collection needs owner_id: the id of its %', new.scope, new.scope using errcode = '22023';
  end if;
  return new;
end $function$;
comment on function private.check_knowledge_collection() is 'BEFORE INSERT/UPDATE on knowledge_collections: scope and owner_id agree, with a readable message.';
