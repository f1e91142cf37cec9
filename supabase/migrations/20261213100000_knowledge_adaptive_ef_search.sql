-- Vector search under a tenant filter: ef_search adapts to the scope's share of the table.
-- With a fixed ef_search (max(2k, 100)) the graph walk of a filtered HNSW scan spends most of its
-- candidate list on other tenants' vectors when the scope is a small share, and recall@10 on
-- clustered vectors fell to 0.69-0.91 for workspaces just above the index threshold. The list now
-- grows as 1 / sqrt(share): k x 30 / sqrt(share), clamped to 100-1000 (a workspace holding a
-- quarter of the table: 600; 10%: 949). And the index is used from 10% of the table (at least
-- 5,000 chunks, at most 50,000), not 5%: with 20 skewed workspaces over 100,000 clustered chunks,
-- workspaces of 5-9% of the table got recall@10 0.980-0.987 with a worst query at 0.8 even at
-- ef_search 760-890, while an exact search of 9,000 chunks takes ~70 ms. Measured in
-- docs/benchmarks.md (vector).

create or replace function private.knowledge_index_threshold() returns integer
language sql stable set search_path = '' as $$
  select least(greatest(5000, ceil(0.10 * greatest(c.reltuples, 0))), 50000)::integer
  from pg_catalog.pg_class c where c.oid = 'public.knowledge_chunks'::regclass
$$;
comment on function private.knowledge_index_threshold() is 'Chunks in scope from which a vector search uses the HNSW index instead of exact search: 10% of the table''s estimated rows, clamped to 5,000-50,000.';

create function private.knowledge_ef_search(p_count integer, p_workspace_ids uuid[], p_collection_ids uuid[])
returns integer
language plpgsql stable security definer set search_path = '' as $$
declare
  total double precision;
  scope double precision;
begin
  select greatest(c.reltuples, 1) into total from pg_catalog.pg_class c where c.oid = 'public.knowledge_chunks'::regclass;
  scope := greatest(private.knowledge_scope_chunks(p_workspace_ids, p_collection_ids), 1);
  return least(1000, greatest(100, 2 * p_count, ceil(p_count * 30 / sqrt(least(1, scope / total)))))::integer;
end $$;
comment on function private.knowledge_ef_search(integer, uuid[], uuid[]) is 'hnsw.ef_search for a filtered index search of p_count neighbours: k x 30 / sqrt(the scope''s share of the table), clamped to 100-1000 (a size, not content).';
revoke all on function private.knowledge_ef_search(integer, uuid[], uuid[]) from public;
grant execute on function private.knowledge_ef_search(integer, uuid[], uuid[]) to authenticated, service_role;

create or replace function private.knowledge_vector_candidates(p_query extensions.vector, p_count integer, p_workspace_ids uuid[],
  p_collection_ids uuid[], p_document_ids uuid[], p_tags text[], p_model public.embedding_model, p_use_index boolean)
returns setof private.knowledge_vector_candidate
language plpgsql stable rows 20 set search_path = ''
set hnsw.iterative_scan = 'relaxed_order' set hnsw.ef_search = '40' set enable_sort = 'on'
as $$
declare
  filter text := private.knowledge_filter_sql(p_workspace_ids, p_collection_ids, p_document_ids, p_tags, p_model);
begin
  if p_count < 1 or p_query is null then
    return;
  end if;
  if p_use_index then
    -- ef_search by the scope's share of the table (private.knowledge_ef_search); iterative scan
    -- continues past it while the filter rejects rows. With a workspace filter the planner prefers the b-tree plus a sort of the
    -- whole workspace (it underestimates the rows), which is the exact search this branch is
    -- here to avoid: sorting off leaves it the HNSW order. The SET clauses above restore all
    -- three settings when the function returns.
    perform set_config('hnsw.ef_search', private.knowledge_ef_search(p_count, p_workspace_ids, p_collection_ids)::text, true);
    perform set_config('enable_sort', 'off', true);
    return query execute format(
      'select s.id, s.distance from (
         select c.id, c.embedding operator(extensions.<=>) $1 as distance from public.knowledge_chunks c
         where c.embedding is not null and %s
         order by c.embedding operator(extensions.<=>) $1 limit $2) s
       order by s.distance, s.id', filter)
      using p_query, p_count, p_workspace_ids, p_collection_ids, p_document_ids, p_tags, p_model;
  else
    -- "+ 0" keeps the planner off the HNSW index: every chunk in scope is compared.
    return query execute format(
      'select c.id, c.embedding operator(extensions.<=>) $1 from public.knowledge_chunks c
       where c.embedding is not null and %s
       order by (c.embedding operator(extensions.<=>) $1) + 0, c.id limit $2', filter)
      using p_query, p_count, p_workspace_ids, p_collection_ids, p_document_ids, p_tags, p_model;
  end if;
end $$;
