CREATE OR REPLACE FUNCTION private.knowledge_index_threshold()
 RETURNS integer
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select least(greatest(5000, ceil(0.10 * greatest(c.reltuples, 0))), 50000)::integer
  from pg_catalog.pg_class c where c.oid = 'public.knowledge_chunks'::regclass
$function$;
comment on function private.knowledge_index_threshold() is 'Chunks in scope from which a vector search uses the HNSW index instead of exact search: 10% of the table''s estimated rows, clamped to 5,000-50,000.';
grant execute on function private.knowledge_index_threshold() to authenticated;
grant execute on function private.knowledge_index_threshold() to service_role;
