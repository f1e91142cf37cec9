CREATE OR REPLACE FUNCTION private.check_search_args(p_query_embedding extensions.vector, p_match_count integer, p_min_similarity double precision)
 RETURNS void
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO ''
AS $function$
begin
  if p_query_embedding is not null and extensions.vector_dims(p_query_embedding) <> 1536 then
    raise exception 'query_embedding has % dimensions; 1536 expected', extensions.vector_dims(p_query_embedding)
      using errcode = '22023';
  end if;
  if p_match_count is null or p_match_count < 1 then
    raise exception 'match_count must be at least 1' using errcode = '22023';
  end if;
  perform private.require_batch_size('matches', p_match_count, 200);
  if p_min_similarity is null or p_min_similarity not between -1 and 1 then
    raise exception 'min_similarity must be between -1 and 1' using errcode = '22023';
  end if;
end $function$;
comment on function private.check_search_args(extensions.vector,integer,double precision) is 'Validates a search''s embedding (1536 dimensions), match_count (1-200, PT413 above) and min_similarity (-1..1).';
grant execute on function private.check_search_args(extensions.vector,integer,double precision) to authenticated;
grant execute on function private.check_search_args(extensions.vector,integer,double precision) to service_role;
