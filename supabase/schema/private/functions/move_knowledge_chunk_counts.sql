CREATE OR REPLACE FUNCTION private.move_knowledge_chunk_counts()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  update private.knowledge_chunk_counts k set chunks = greatest(k.chunks - m.n, 0)
  from (select o.collection_id, count(*) as n from old_rows o join new_rows n on n.id = o.id
        where o.collection_id is distinct from n.collection_id group by 1) m
  where k.collection_id = m.collection_id;
  insert into private.knowledge_chunk_counts as k (collection_id, workspace_id, chunks)
  select n.collection_id, n.workspace_id, count(*) from old_rows o join new_rows n on n.id = o.id
  where o.collection_id is distinct from n.collection_id group by 1, 2 order by 1
  on conflict (collection_id) do update set chunks = k.chunks + excluded.chunks;
  return null;
end $function$;
comment on function private.move_knowledge_chunk_counts() is 'AFTER UPDATE on knowledge_chunks (statement): moves the counts of chunks whose collection changed.';
