CREATE OR REPLACE FUNCTION private.anon_search_public_demo(p_demo_id uuid, p_query text, p_query_embedding extensions.vector, p_match_count integer)
 RETURNS SETOF private.knowledge_match_row
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  d public.demos;
  col public.knowledge_collections;
begin
  perform private.require_batch_size('results', p_match_count, 10);
  select * into d from public.demos where id = p_demo_id and status = 'published';
  if not found then
    raise exception 'no such demo' using errcode = 'PT404';
  end if;
  perform private.hit_rate_limit('demo_knowledge_search', d.id::text);
  select * into col from public.knowledge_collections c
  where c.workspace_id = d.workspace_id and c.scope = 'demo' and c.owner_id = d.id;
  if not found then
    raise exception 'this demo has no knowledge to search' using errcode = 'PT404';
  end if;
  -- Without an embedding from the caller, a collection embedded with the local model is searched
  -- with the query embedded here; otherwise by its text alone.
  return query
    select * from private.search_collection(col.id,
      coalesce(p_query_embedding,
               case when col.embedding_model = 'local-lexical-v1' then private.local_lexical_embedding(p_query) end),
      p_query, p_match_count, 0, 'search_public_demo');
end $function$;
comment on function private.anon_search_public_demo(uuid,text,extensions.vector,integer) is 'The definer half of search_public_demo: a published demo only (PT404 otherwise), rate-limited per client address (PT429), then its collection searched and the search logged (caller role anon).';
grant execute on function private.anon_search_public_demo(uuid,text,extensions.vector,integer) to anon;
grant execute on function private.anon_search_public_demo(uuid,text,extensions.vector,integer) to authenticated;
grant execute on function private.anon_search_public_demo(uuid,text,extensions.vector,integer) to service_role;
