CREATE OR REPLACE FUNCTION public.search_demo_knowledge(query_embedding extensions.vector, demo_id uuid, match_threshold double precision DEFAULT 0.7, match_count integer DEFAULT 5)
 RETURNS SETOF public.knowledge_match_row
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
declare
  col uuid;
begin
  if demo_id is null then
    raise exception 'demo_id is required' using errcode = '22023';
  end if;
  select c.id into col from public.knowledge_collections c
  where (c.scope = 'demo' and c.owner_id = search_demo_knowledge.demo_id) or c.id = search_demo_knowledge.demo_id
  order by (c.id = search_demo_knowledge.demo_id) desc
  limit 1;
  if col is null then
    raise exception 'no knowledge collection for this demo' using errcode = 'PT404';
  end if;
  return query select (row(q.*)::public.knowledge_match_row).* from (select * from public.match_knowledge_chunks(query_embedding, match_count, match_threshold,
    filter_collection_ids => array[col])) q;
end $function$;
comment on function public.search_demo_knowledge(extensions.vector,uuid,double precision,integer) is '004''s search_knowledge_chunks(query_embedding, demo_id, match_threshold 0.7, match_count 5) for workspace members: demo_id is the demo (its demo collection) or the collection id itself.';
grant execute on function public.search_demo_knowledge(extensions.vector,uuid,double precision,integer) to authenticated;
grant execute on function public.search_demo_knowledge(extensions.vector,uuid,double precision,integer) to service_role;
