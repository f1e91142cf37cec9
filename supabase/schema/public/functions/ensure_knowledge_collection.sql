CREATE OR REPLACE FUNCTION public.ensure_knowledge_collection(p_workspace_id uuid, p_scope public.knowledge_scope, p_owner_id uuid, p_name text DEFAULT NULL::text)
 RETURNS public.knowledge_collections
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  c public.knowledge_collections;
begin
  if p_workspace_id is null or p_owner_id is null then
    raise exception 'workspace and owner ids are required' using errcode = '22023';
  end if;
  if p_scope is null or p_scope not in ('demo', 'agent') then
    raise exception 'only demo and agent collections are one per owner; insert other collections directly'
      using errcode = '22023';
  end if;
  select * into c from public.knowledge_collections k
  where k.workspace_id = p_workspace_id and k.scope = p_scope and k.owner_id = p_owner_id;
  if found then
    return c;
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  insert into public.knowledge_collections as k (workspace_id, scope, owner_id, name)
  values (p_workspace_id, p_scope, p_owner_id, coalesce(nullif(btrim(p_name), ''), initcap(p_scope::text) || ' ' || p_owner_id))
  on conflict (workspace_id, scope, owner_id) where scope in ('demo', 'agent') do nothing;
  select * into c from public.knowledge_collections k
  where k.workspace_id = p_workspace_id and k.scope = p_scope and k.owner_id = p_owner_id;
  return c;
end $function$;
comment on function public.ensure_knowledge_collection(uuid,public.knowledge_scope,uuid,text) is 'Members: the collection of a demo or agent, created on first call (idempotent).';
grant execute on function public.ensure_knowledge_collection(uuid,public.knowledge_scope,uuid,text) to authenticated;
grant execute on function public.ensure_knowledge_collection(uuid,public.knowledge_scope,uuid,text) to service_role;
