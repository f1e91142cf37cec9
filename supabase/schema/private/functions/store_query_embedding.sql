CREATE OR REPLACE FUNCTION private.store_query_embedding(p_model public.embedding_model, p_text_sha256 text, p_embedding extensions.vector)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  insert into private.query_embedding_cache (embedding_model, text_sha256, embedding)
  values (p_model, p_text_sha256, p_embedding)
  on conflict (embedding_model, text_sha256) do update set used_at = now()
$function$;
comment on function private.store_query_embedding(public.embedding_model,text,extensions.vector) is 'Caches a query embedding; the service role only (a user could otherwise plant a wrong vector for others'' queries).';
grant execute on function private.store_query_embedding(public.embedding_model,text,extensions.vector) to service_role;
