CREATE OR REPLACE FUNCTION public.search_user_knowledge(p_user_id uuid, p_query_embedding extensions.vector, p_limit integer DEFAULT 10, p_similarity_threshold double precision DEFAULT 0.7)
 RETURNS SETOF public.knowledge_match_row
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  if p_user_id is distinct from (select auth.uid()) then
    raise exception 'you can search only your own knowledge' using errcode = '42501';
  end if;
  return query select (row(q.*)::public.knowledge_match_row).* from (select * from public.match_knowledge_chunks(p_query_embedding, p_limit, p_similarity_threshold)) q;
end $function$;
comment on function public.search_user_knowledge(uuid,extensions.vector,integer,double precision) is '003''s search_knowledge_chunks(p_user_id, p_query_embedding, p_limit 10, p_similarity_threshold 0.7): the chunks of every workspace the caller belongs to. p_user_id must be the caller.';
grant execute on function public.search_user_knowledge(uuid,extensions.vector,integer,double precision) to authenticated;
grant execute on function public.search_user_knowledge(uuid,extensions.vector,integer,double precision) to service_role;
