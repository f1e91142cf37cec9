CREATE OR REPLACE FUNCTION private.cached_query_embedding(p_model public.embedding_model, p_text_sha256 text)
 RETURNS extensions.vector
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  update private.query_embedding_cache q set used_at = now()
  where q.embedding_model = p_model and q.text_sha256 = p_text_sha256
  returning q.embedding
$function$;
comment on function private.cached_query_embedding(public.embedding_model,text) is 'The cached embedding of a query text (by model and SHA-256), touching its last use; null when not cached.';
grant execute on function private.cached_query_embedding(public.embedding_model,text) to authenticated;
grant execute on function private.cached_query_embedding(public.embedding_model,text) to service_role;
