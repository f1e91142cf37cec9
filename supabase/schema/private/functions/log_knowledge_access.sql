CREATE OR REPLACE FUNCTION private.log_knowledge_access(p_workspace_id uuid, p_via text, p_mode public.knowledge_search_mode, p_strategy public.knowledge_search_strategy, p_query_sha256 text, p_model public.embedding_model, p_collection_ids uuid[], p_result_ids uuid[], p_latency_ms double precision)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if private.is_end_user()
     and not (p_workspace_id = any (array(select private.workspace_ids('viewer')))) then
    raise exception 'not a member of this workspace' using errcode = '42501';
  end if;
  insert into public.knowledge_access_logs (workspace_id, user_id, caller_role, via, mode, strategy, query_sha256,
    embedding_model, collection_ids, result_chunk_ids, latency_ms)
  values (p_workspace_id, (select auth.uid()), coalesce(nullif((select auth.role()), ''), current_user::text), p_via, p_mode,
    p_strategy, p_query_sha256, p_model, p_collection_ids, coalesce(p_result_ids, '{}'),
    round(greatest(p_latency_ms, 0)::numeric, 2));
end $function$;
comment on function private.log_knowledge_access(uuid,text,public.knowledge_search_mode,public.knowledge_search_strategy,text,public.embedding_model,uuid[],uuid[],double precision) is 'Writes one knowledge_access_logs row as the caller (user id and role from the JWT); a signed-in caller only into a workspace they belong to.';
grant execute on function private.log_knowledge_access(uuid,text,public.knowledge_search_mode,public.knowledge_search_strategy,text,public.embedding_model,uuid[],uuid[],double precision) to authenticated;
grant execute on function private.log_knowledge_access(uuid,text,public.knowledge_search_mode,public.knowledge_search_strategy,text,public.embedding_model,uuid[],uuid[],double precision) to service_role;
