CREATE OR REPLACE FUNCTION private.count_knowledge_chunks()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if tg_op = 'INSERT' then
    insert into private.knowledge_chunk_counts as k (collection_id, workspace_id, chunks)
    select n.collection_id, n.workspace_id, count(*) from new_rows n group by 1, 2 order by 1
    on conflict (collection_id) do update set chunks = k.chunks + excluded.chunks;
  else
    update private.knowledge_chunk_counts k set chunks = greatest(k.chunks - o.n, 0)
    from (select o.collection_id, count(*) as n from old_rows o group by 1) o
    where k.collection_id = o.collection_id;
  end if;
  return null;
end $function$;
comment on function private.count_knowledge_chunks() is 'AFTER INSERT/DELETE (statement) on knowledge_chunks: keeps private.knowledge_chunk_counts.';
