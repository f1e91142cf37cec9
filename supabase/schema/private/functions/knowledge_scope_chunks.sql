CREATE OR REPLACE FUNCTION private.knowledge_scope_chunks(p_workspace_ids uuid[], p_collection_ids uuid[])
 RETURNS bigint
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select coalesce(sum(k.chunks), 0)::bigint from private.knowledge_chunk_counts k
  where (p_workspace_ids is null or k.workspace_id = any (p_workspace_ids))
    and (p_collection_ids is null or k.collection_id = any (p_collection_ids))
$function$;
comment on function private.knowledge_scope_chunks(uuid[],uuid[]) is 'How many chunks the given workspaces/collections hold (a size, not their content: searches decide exact or index by it).';
grant execute on function private.knowledge_scope_chunks(uuid[],uuid[]) to authenticated;
grant execute on function private.knowledge_scope_chunks(uuid[],uuid[]) to service_role;
