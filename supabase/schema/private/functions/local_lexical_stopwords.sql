CREATE OR REPLACE FUNCTION private.local_lexical_stopwords()
 RETURNS text[]
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
  select array['a', 'about', 'all', 'am', 'an', 'and', 'any', 'are', 'as', 'at', 'be', 'been', 'but', 'by', 'can',
    'do', 'does', 'for', 'from', 'had', 'has', 'have', 'he', 'her', 'his', 'how', 'i', 'if', 'in', 'into', 'is', 'it',
    'its', 'me', 'my', 'no', 'not', 'of', 'on', 'or', 'our', 'she', 'so', 'than', 'that', 'the', 'their', 'them',
    'then', 'there', 'these', 'they', 'this', 'to', 'us', 'was', 'we', 'were', 'what', 'when', 'where', 'which',
    'who', 'why', 'will', 'with', 'you', 'your']
$function$;
comment on function private.local_lexical_stopwords() is 'Words local-lexical-v1 ignores (the same list as functions/_shared/embeddings_local.ts).';
grant execute on function private.local_lexical_stopwords() to authenticated;
grant execute on function private.local_lexical_stopwords() to service_role;
