CREATE OR REPLACE FUNCTION private.knowledge_tsquery(p_query text)
 RETURNS tsquery
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select replace(plainto_tsquery('english'::regconfig, coalesce(p_query, ''))::text, ' & ', ' | ')::tsquery
$function$;
comment on function private.knowledge_tsquery(text) is 'Full-text query of a search: the English stems of its words joined by OR.';
grant execute on function private.knowledge_tsquery(text) to authenticated;
grant execute on function private.knowledge_tsquery(text) to service_role;
