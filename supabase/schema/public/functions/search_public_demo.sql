CREATE OR REPLACE FUNCTION public.search_public_demo(p_demo_id uuid, p_query text, p_query_embedding extensions.vector DEFAULT NULL::extensions.vector, p_match_count integer DEFAULT 5)
 RETURNS SETOF public.knowledge_match_row
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_demo_id is null then
    raise exception 'demo id is required' using errcode = '22023';
  end if;
  if p_query is null or btrim(p_query) = '' or char_length(p_query) > 500 then
    raise exception 'the question must be 1 to 500 characters' using errcode = '22023';
  end if;
  if p_match_count is null or p_match_count < 1 then
    raise exception 'p_match_count must be at least 1' using errcode = '22023';
  end if;
  return query select (row(q.*)::public.knowledge_match_row).* from (select * from private.anon_search_public_demo(p_demo_id, p_query, p_query_embedding, p_match_count)) q;
end $function$;
comment on function public.search_public_demo(uuid,text,extensions.vector,integer) is 'Anyone (publishable key): searches the knowledge of a published demo for a visitor''s question (hybrid when an embedding of the collection''s model is given or the collection uses the local model, else full text). At most 10 results (PT413), 30 searches a minute per address and demo (PT429), PT404 for drafts, archived and unknown demos, 22023 for an empty or over-long question.';
grant execute on function public.search_public_demo(uuid,text,extensions.vector,integer) to anon;
grant execute on function public.search_public_demo(uuid,text,extensions.vector,integer) to authenticated;
grant execute on function public.search_public_demo(uuid,text,extensions.vector,integer) to service_role;
