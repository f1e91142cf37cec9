CREATE OR REPLACE FUNCTION private.knowledge_limits()
 RETURNS jsonb
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select '{"document_chars": 2000000, "chunks_per_document": 5000, "chunk_chars": 20000, "tags": 50, "tag_chars": 100}'::jsonb
$function$;
comment on function private.knowledge_limits() is 'Ingestion caps: characters per document and per chunk, chunks per document, tags per document.';
grant execute on function private.knowledge_limits() to authenticated;
grant execute on function private.knowledge_limits() to service_role;
