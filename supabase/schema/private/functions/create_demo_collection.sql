CREATE OR REPLACE FUNCTION private.create_demo_collection()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  insert into public.knowledge_collections (workspace_id, scope, owner_id, name, description)
  values (new.workspace_id, 'demo', new.id, left(new.name, 200), 'What the agent of this demo knows.')
  on conflict (workspace_id, scope, owner_id) where scope in ('demo', 'agent') do nothing;
  return null;
end $function$;
comment on function private.create_demo_collection() is 'AFTER INSERT on demos: the demo''s knowledge collection (scope demo, owner_id = demo id), once.';
