CREATE OR REPLACE FUNCTION private.knowledge_housekeeping()
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  delete from private.embedding_jobs where status = 'done' and completed_at < now() - interval '7 days';
  delete from private.query_embedding_cache where used_at < now() - interval '30 days';
$function$;
comment on function private.knowledge_housekeeping() is 'pg_cron (knowledge-housekeeping, daily): drops finished jobs after 7 days and query embeddings unused for 30 days.';
