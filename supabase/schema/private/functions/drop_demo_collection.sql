CREATE OR REPLACE FUNCTION private.drop_demo_collection()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  delete from public.knowledge_collections c
  where c.workspace_id = old.workspace_id and c.scope = 'demo' and c.owner_id = old.id;
  return null;
end $function$;
comment on function private.drop_demo_collection() is 'AFTER DELETE on demos: the demo''s knowledge goes with it (owner_id is not a foreign key).';
