CREATE OR REPLACE FUNCTION private.knowledge_ef_search(p_count integer, p_workspace_ids uuid[], p_collection_ids uuid[])
 RETURNS integer
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  total double precision;
  scope double precision;
begin
  select greatest(c.reltuples, 1) into total from pg_catalog.pg_class c where c.oid = 'public.knowledge_chunks'::regclass;
  scope := greatest(private.knowledge_scope_chunks(p_workspace_ids, p_collection_ids), 1);
  return least(1000, greatest(100, 2 * p_count, ceil(p_count * 30 / sqrt(least(1, scope / total)))))::integer;
end $function$;
comment on function private.knowledge_ef_search(integer,uuid[],uuid[]) is 'hnsw.ef_search for a filtered index search of p_count neighbours: k x 30 / sqrt(the scope''s share of the table), clamped to 100-1000 (a size, not content).';
grant execute on function private.knowledge_ef_search(integer,uuid[],uuid[]) to authenticated;
grant execute on function private.knowledge_ef_search(integer,uuid[],uuid[]) to service_role;
