CREATE OR REPLACE FUNCTION private.knowledge_text_candidates(p_query text, p_count integer, p_workspace_ids uuid[], p_collection_ids uuid[], p_document_ids uuid[], p_tags text[])
 RETURNS SETOF private.knowledge_text_candidate
 LANGUAGE plpgsql
 STABLE ROWS 20
 SET search_path TO ''
AS $function$
begin
  if p_count < 1 or p_query is null or btrim(p_query) = '' then
    return;
  end if;
  return query execute format(
    'select c.id, ts_rank_cd(c.fts, q)::double precision from public.knowledge_chunks c,
       private.knowledge_tsquery($1) q
     where c.fts @@ q and %s
     order by 2 desc, c.id limit $2',
    private.knowledge_filter_sql(p_workspace_ids, p_collection_ids, p_document_ids, p_tags, null))
    using p_query, p_count, p_workspace_ids, p_collection_ids, p_document_ids, p_tags;
end $function$;
comment on function private.knowledge_text_candidates(text,integer,uuid[],uuid[],uuid[],text[]) is 'The best full-text matches in scope with their ts_rank_cd, best first. Runs with the caller''s rights.';
grant execute on function private.knowledge_text_candidates(text,integer,uuid[],uuid[],uuid[],text[]) to authenticated;
grant execute on function private.knowledge_text_candidates(text,integer,uuid[],uuid[],uuid[],text[]) to service_role;
