-- Search: one family. match_knowledge_chunks (vector) and hybrid_search_knowledge_chunks
-- (full text + vector by reciprocal rank fusion) run with the caller's rights, so RLS decides
-- what is searched; 003's user-scoped and 004's demo-scoped searches are thin wrappers;
-- knowledge_search is what the knowledge-search function calls (search and log in one call);
-- private.search_collection is the SECURITY DEFINER search of one collection that a narrow anon
-- path (published demos) calls after its own checks.
--
-- Small scopes are searched exactly, large ones through HNSW. DESIGN.md measured that HNSW under
-- a tenant filter loses recall when the tenant is a small share of the table (0.72-0.88 at 1%),
-- while exact search of a small tenant takes milliseconds. So every search first counts the
-- chunks in scope (stopping at the threshold) and uses the index only at or above
-- private.knowledge_index_threshold(); index scans are iterative (pgvector 0.8, relaxed order,
-- re-sorted afterwards) with ef_search at least twice the number of candidates, so a filtered
-- search still returns match_count rows when that many match.

create type public.knowledge_match_row as (
  id uuid,
  workspace_id uuid,
  collection_id uuid,
  document_id uuid,
  document_title text,
  chunk_index integer,
  content text,
  question text,
  answer text,
  source text,
  metadata jsonb,
  similarity double precision,
  text_rank double precision,
  score double precision
);
comment on type public.knowledge_match_row is 'A search result, best first: the chunk, its document''s title, cosine similarity to the query (null when not compared), full-text rank (null when the text did not match) and score (similarity for vector search, the reciprocal rank fusion score for hybrid search, the rank for text search). Never null: id, workspace_id, collection_id, document_id, chunk_index, content, metadata, score. Nullable: document_title, question, answer, source, similarity, text_rank.';

-- The scope size at which the index pays off: 5% of all chunks (the HNSW recall under a filter
-- depends on the scope's share of the table), at least 5,000 (exact search of up to 5,000 chunks
-- takes milliseconds), at most 50,000 (beyond that an exact search is too slow whatever the share).
create function private.knowledge_index_threshold() returns integer
language sql stable set search_path = '' as $$
  select least(greatest(5000, ceil(0.05 * greatest(c.reltuples, 0))), 50000)::integer
  from pg_catalog.pg_class c where c.oid = 'public.knowledge_chunks'::regclass
$$;
comment on function private.knowledge_index_threshold() is 'Chunks in scope from which a vector search uses the HNSW index instead of exact search: 5% of the table''s estimated rows, clamped to 5,000-50,000.';

-- Chunks per collection, kept by statement triggers, so the size of a workspace or collection
-- is known without counting rows at every search. (Chunks never change workspace or collection.)
create table private.knowledge_chunk_counts (
  collection_id uuid primary key references public.knowledge_collections (id) on delete cascade,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  chunks bigint not null default 0 check (chunks >= 0)
);
comment on table private.knowledge_chunk_counts is 'How many chunks each collection has (all versions'' current chunks), for the exact-or-index decision of searches.';
create index knowledge_chunk_counts_workspace_id_idx on private.knowledge_chunk_counts (workspace_id);
alter table private.knowledge_chunk_counts enable row level security;
select private.install_tenant_guard('private.knowledge_chunk_counts');
insert into private.knowledge_chunk_counts (collection_id, workspace_id, chunks)
select c.collection_id, c.workspace_id, count(*) from public.knowledge_chunks c group by 1, 2;

create function private.count_knowledge_chunks() returns trigger
language plpgsql security definer set search_path = '' as $$
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
end $$;
comment on function private.count_knowledge_chunks() is 'AFTER INSERT/DELETE (statement) on knowledge_chunks: keeps private.knowledge_chunk_counts.';
create trigger count_inserted_knowledge_chunks after insert on public.knowledge_chunks
  referencing new table as new_rows for each statement execute function private.count_knowledge_chunks();
create trigger count_deleted_knowledge_chunks after delete on public.knowledge_chunks
  referencing old table as old_rows for each statement execute function private.count_knowledge_chunks();

-- Chunks in the given workspaces and/or collections (null: any), from the counts.
create function private.knowledge_scope_chunks(p_workspace_ids uuid[], p_collection_ids uuid[]) returns bigint
language sql stable security definer set search_path = '' as $$
  select coalesce(sum(k.chunks), 0)::bigint from private.knowledge_chunk_counts k
  where (p_workspace_ids is null or k.workspace_id = any (p_workspace_ids))
    and (p_collection_ids is null or k.collection_id = any (p_collection_ids))
$$;
comment on function private.knowledge_scope_chunks(uuid[], uuid[]) is 'How many chunks the given workspaces/collections hold (a size, not their content: searches decide exact or index by it).';

-- Filters shared by the helpers below, as SQL text over knowledge_chunks c with parameters
-- $3 workspaces, $4 collections, $5 documents, $6 tags, $7 model. Only fixed text is appended.
create function private.knowledge_filter_sql(p_workspace_ids uuid[], p_collection_ids uuid[], p_document_ids uuid[],
                                             p_tags text[], p_model public.embedding_model)
returns text
language sql immutable set search_path = '' as $$
  select concat_ws(' and ', 'true',
    case when p_workspace_ids is not null then 'c.workspace_id = any ($3)' end,
    case when p_collection_ids is not null then 'c.collection_id = any ($4)' end,
    case when p_document_ids is not null then 'c.document_id = any ($5)' end,
    case when cardinality(p_tags) > 0 then
      'exists (select 1 from public.knowledge_documents d where d.id = c.document_id and d.tags @> $6)' end,
    case when p_model is not null then 'c.embedding_model = $7' end)
$$;
comment on function private.knowledge_filter_sql(uuid[], uuid[], uuid[], text[], public.embedding_model) is 'The WHERE clause for the given filters (fixed text with numbered parameters; no value is ever spliced in).';

-- Does this scope use the index? The size of its workspaces/collections from the counts; scopes
-- narrowed to documents or tags are counted (up to the threshold) among the chunks the caller sees.
create function private.knowledge_use_index(p_workspace_ids uuid[], p_collection_ids uuid[], p_document_ids uuid[],
                                            p_tags text[], p_model public.embedding_model)
returns boolean
language plpgsql stable set search_path = '' as $$
declare
  cap integer := private.knowledge_index_threshold();
  n integer;
begin
  if p_document_ids is null and coalesce(cardinality(p_tags), 0) = 0 then
    return private.knowledge_scope_chunks(p_workspace_ids, p_collection_ids) >= cap;
  end if;
  execute format('select count(*) from (select 1 from public.knowledge_chunks c where %s limit $1) s',
                 private.knowledge_filter_sql(p_workspace_ids, p_collection_ids, p_document_ids, p_tags, p_model))
    into n using cap, null::integer, p_workspace_ids, p_collection_ids, p_document_ids, p_tags, p_model;
  return n >= cap;
end $$;
comment on function private.knowledge_use_index(uuid[], uuid[], uuid[], text[], public.embedding_model) is 'True when the chunks in scope reach private.knowledge_index_threshold(): workspaces and collections by their counts, documents and tags by counting.';

create type private.knowledge_vector_candidate as (chunk_id uuid, distance double precision);
comment on type private.knowledge_vector_candidate is 'A chunk and its cosine distance to the query.';
create type private.knowledge_text_candidate as (chunk_id uuid, rank double precision);
comment on type private.knowledge_text_candidate is 'A chunk and its full-text rank for the query.';

-- The p_count nearest chunks by cosine distance, exactly or through the index.
create function private.knowledge_vector_candidates(p_query extensions.vector, p_count integer, p_workspace_ids uuid[],
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
    -- ef_search at least twice the candidates; iterative scan continues past it while the filter
    -- rejects rows. With a workspace filter the planner prefers the b-tree plus a sort of the
    -- whole workspace (it underestimates the rows), which is the exact search this branch is
    -- here to avoid: sorting off leaves it the HNSW order. The SET clauses above restore all
    -- three settings when the function returns.
    perform set_config('hnsw.ef_search', greatest(2 * p_count, 100)::text, true);
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
comment on function private.knowledge_vector_candidates(extensions.vector, integer, uuid[], uuid[], uuid[], text[], public.embedding_model, boolean) is 'The nearest chunks in scope with their cosine distance, best first: exact, or HNSW with iterative scan. Runs with the caller''s rights.';

-- The tsquery of a search: any of the query's words (English stems), so a question in plain words
-- finds chunks that share some of them; ts_rank_cd ranks chunks with more of them higher.
create function private.knowledge_tsquery(p_query text) returns tsquery
language sql immutable set search_path = '' as $$
  select replace(plainto_tsquery('english'::regconfig, coalesce(p_query, ''))::text, ' & ', ' | ')::tsquery
$$;
comment on function private.knowledge_tsquery(text) is 'Full-text query of a search: the English stems of its words joined by OR.';

-- The p_count best full-text matches.
create function private.knowledge_text_candidates(p_query text, p_count integer, p_workspace_ids uuid[],
  p_collection_ids uuid[], p_document_ids uuid[], p_tags text[])
returns setof private.knowledge_text_candidate
language plpgsql stable rows 20 set search_path = '' as $$
begin
  if p_count < 1 or p_query is null or btrim(p_query) = '' then
    return;
  end if;
  return query execute format(
    'select c.id, ts_rank_cd(c.fts, q)::double precision from public.knowledge_chunks c,
       private.knowledge_tsquery($1) q
     where c.fts @@ q and %s
     order by 2 desc, c.id limit $2',
    private.knowledge_filter_sql(p_workspace_ids, p_collection_ids, p_document_ids, p_tags, null))
    using p_query, p_count, p_workspace_ids, p_collection_ids, p_document_ids, p_tags;
end $$;
comment on function private.knowledge_text_candidates(text, integer, uuid[], uuid[], uuid[], text[]) is 'The best full-text matches in scope with their ts_rank_cd, best first. Runs with the caller''s rights.';

-- One implementation behind every search. Vector: the nearest chunks at or above min_similarity.
-- Hybrid: the two candidate lists (2 x match_count each) fused by reciprocal rank fusion,
-- score = semantic_weight / (rrf_k + vector rank) + full_text_weight / (rrf_k + text rank).
create function private.knowledge_search_core(
  p_mode public.knowledge_search_mode,
  p_query_text text,
  p_query_embedding extensions.vector,
  p_match_count integer,
  p_min_similarity double precision,
  p_workspace_ids uuid[],
  p_collection_ids uuid[],
  p_document_ids uuid[],
  p_tags text[],
  p_model public.embedding_model,
  p_full_text_weight double precision,
  p_semantic_weight double precision,
  p_rrf_k integer,
  p_use_index boolean
)
returns setof public.knowledge_match_row
language plpgsql stable set search_path = '' as $$
begin
  -- PL/pgSQL, not SQL: the plan of this query is kept for the session instead of made per call
  return query
  with sem as (
    select v.chunk_id, v.distance, row_number() over (order by v.distance, v.chunk_id) as r
    from private.knowledge_vector_candidates(p_query_embedding,
           case p_mode when 'vector' then p_match_count when 'text' then 0 else 2 * p_match_count end,
           p_workspace_ids, p_collection_ids, p_document_ids, p_tags, p_model, p_use_index) v
    where 1 - v.distance >= p_min_similarity
  ), txt as (
    select t.chunk_id, t.rank, row_number() over (order by t.rank desc, t.chunk_id) as r
    from private.knowledge_text_candidates(p_query_text, case when p_mode = 'vector' then 0 else 2 * p_match_count end,
                                           p_workspace_ids, p_collection_ids, p_document_ids, p_tags) t
  ), fused as materialized (
    select coalesce(s.chunk_id, t.chunk_id) as chunk_id, s.distance, t.rank as text_rank,
      case p_mode
        when 'vector' then 1 - s.distance
        when 'text' then t.rank
        else coalesce(p_semantic_weight / (p_rrf_k + s.r), 0) + coalesce(p_full_text_weight / (p_rrf_k + t.r), 0)
      end as score
    from sem s full join txt t on t.chunk_id = s.chunk_id
  )
  -- the few fused rows look their chunk and document up by key ("offset 0" keeps these lookups
  -- per row; flattened, the planner joins the whole scope's chunks instead)
  select c.id, c.workspace_id, c.collection_id, c.document_id, d.title, c.chunk_index, c.content, c.question, c.answer,
    c.source, c.metadata,
    case when f.distance is not null then 1 - f.distance
         when p_query_embedding is not null and c.embedding is not null
              and (p_model is null or c.embedding_model = p_model)
         then 1 - (c.embedding operator(extensions.<=>) p_query_embedding) end,
    f.text_rank, f.score
  from fused f
  cross join lateral (select k.id, k.workspace_id, k.collection_id, k.document_id, k.chunk_index, k.content, k.question,
                             k.answer, k.source, k.metadata, k.embedding, k.embedding_model
                      from public.knowledge_chunks k where k.id = f.chunk_id offset 0) c
  left join lateral (select kd.title from public.knowledge_documents kd where kd.id = c.document_id offset 0) d on true
  order by f.score desc, c.id
  limit p_match_count;
end $$;
comment on function private.knowledge_search_core(public.knowledge_search_mode, text, extensions.vector, integer, double precision, uuid[], uuid[], uuid[], text[], public.embedding_model, double precision, double precision, integer, boolean) is 'The search every public search function wraps (vector, text or hybrid by RRF). Runs with the caller''s rights.';

-- Argument checks shared by the public functions (22023 with a readable message; PT413 over the cap).
create function private.check_search_args(p_query_embedding extensions.vector, p_match_count integer,
                                          p_min_similarity double precision)
returns void
language plpgsql immutable set search_path = '' as $$
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
end $$;
comment on function private.check_search_args(extensions.vector, integer, double precision) is 'Validates a search''s embedding (1536 dimensions), match_count (1-200, PT413 above) and min_similarity (-1..1).';

-- The workspaces a search covers: the one asked for, else the caller's (null for the service role and the system: all).
create function private.search_workspaces(p_workspace_id uuid) returns uuid[]
language sql stable set search_path = '' as $$
  select case when p_workspace_id is not null then array[p_workspace_id]
              when (select auth.role()) in ('authenticated', 'anon') then array(select private.workspace_ids('viewer'))
              end
$$;
comment on function private.search_workspaces(uuid) is 'The workspace filter of a search: the given one, else every workspace a signed-in caller can read, else (service role, system) none. RLS applies in any case.';

-- ===== the base: vector search with the caller's rights
create function public.match_knowledge_chunks(
  query_embedding extensions.vector,
  match_count integer default 10,
  min_similarity double precision default 0,
  filter_workspace_id uuid default null,
  filter_collection_ids uuid[] default null,
  filter_document_ids uuid[] default null,
  filter_tags text[] default null,
  filter_embedding_model public.embedding_model default null
)
returns setof public.knowledge_match_row
language plpgsql stable set search_path = '' as $$
declare
  ws uuid[] := private.search_workspaces(filter_workspace_id);
begin
  if query_embedding is null then
    raise exception 'query_embedding is required' using errcode = '22023';
  end if;
  perform private.check_search_args(query_embedding, match_count, min_similarity);
  return query select * from private.knowledge_search_core('vector', null, query_embedding, match_count, min_similarity,
    ws, filter_collection_ids, filter_document_ids, filter_tags, filter_embedding_model, 0, 1, 50,
    private.knowledge_use_index(ws, filter_collection_ids, filter_document_ids, filter_tags, filter_embedding_model));
end $$;
comment on function public.match_knowledge_chunks(extensions.vector, integer, double precision, uuid, uuid[], uuid[], text[], public.embedding_model) is 'The chunks nearest to query_embedding (cosine, 1536 dimensions) with similarity >= min_similarity, best first; at most match_count (1-200). Filters: workspace, collections, documents, tags (documents having all of them), embedding model. Runs as the caller: only chunks RLS lets them read.';

-- ===== hybrid: full text and vector, fused by reciprocal rank fusion
create function public.hybrid_search_knowledge_chunks(
  query_text text,
  query_embedding extensions.vector default null,
  match_count integer default 10,
  full_text_weight double precision default 1,
  semantic_weight double precision default 1,
  rrf_k integer default 50,
  min_similarity double precision default 0,
  filter_workspace_id uuid default null,
  filter_collection_ids uuid[] default null,
  filter_document_ids uuid[] default null,
  filter_tags text[] default null,
  filter_embedding_model public.embedding_model default null
)
returns setof public.knowledge_match_row
language plpgsql stable set search_path = '' as $$
declare
  ws uuid[] := private.search_workspaces(filter_workspace_id);
  has_text boolean := query_text is not null and btrim(query_text) <> '';
  mode public.knowledge_search_mode;
begin
  if not has_text and query_embedding is null then
    raise exception 'give query_text, query_embedding or both' using errcode = '22023';
  end if;
  if char_length(query_text) > 2000 then
    raise exception 'query_text is over 2000 characters' using errcode = '22023';
  end if;
  if full_text_weight is null or semantic_weight is null or full_text_weight < 0 or semantic_weight < 0
     or full_text_weight + semantic_weight = 0 then
    raise exception 'weights must be non-negative and not both zero' using errcode = '22023';
  end if;
  if rrf_k is null or rrf_k < 1 then
    raise exception 'rrf_k must be at least 1' using errcode = '22023';
  end if;
  perform private.check_search_args(query_embedding, match_count, min_similarity);
  mode := (case when not has_text then 'vector' when query_embedding is null then 'text' else 'hybrid' end)::public.knowledge_search_mode;
  return query select * from private.knowledge_search_core(mode, query_text, query_embedding, match_count, min_similarity,
    ws, filter_collection_ids, filter_document_ids, filter_tags, filter_embedding_model,
    full_text_weight, semantic_weight, rrf_k,
    mode <> 'text' and private.knowledge_use_index(ws, filter_collection_ids, filter_document_ids, filter_tags, filter_embedding_model));
end $$;
comment on function public.hybrid_search_knowledge_chunks(text, extensions.vector, integer, double precision, double precision, integer, double precision, uuid, uuid[], uuid[], text[], public.embedding_model) is 'Hybrid search: full-text (any of the query''s words, English stems) and vector candidates fused by reciprocal rank fusion, score = semantic_weight/(rrf_k + vector rank) + full_text_weight/(rrf_k + text rank). Text only or embedding only also work. Same filters and rights as match_knowledge_chunks.';

-- ===== 003's user-scoped form: everything the user can read
create function public.search_user_knowledge(
  p_user_id uuid,
  p_query_embedding extensions.vector,
  p_limit integer default 10,
  p_similarity_threshold double precision default 0.7
)
returns setof public.knowledge_match_row
language plpgsql stable set search_path = '' as $$
begin
  if p_user_id is distinct from (select auth.uid()) then
    raise exception 'you can search only your own knowledge' using errcode = '42501';
  end if;
  return query select * from public.match_knowledge_chunks(p_query_embedding, p_limit, p_similarity_threshold);
end $$;
comment on function public.search_user_knowledge(uuid, extensions.vector, integer, double precision) is '003''s search_knowledge_chunks(p_user_id, p_query_embedding, p_limit 10, p_similarity_threshold 0.7): the chunks of every workspace the caller belongs to. p_user_id must be the caller.';

-- ===== 004's demo-scoped form: one demo's collection
create function public.search_demo_knowledge(
  query_embedding extensions.vector,
  demo_id uuid,
  match_threshold double precision default 0.7,
  match_count integer default 5
)
returns setof public.knowledge_match_row
language plpgsql stable set search_path = '' as $$
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
  return query select * from public.match_knowledge_chunks(query_embedding, match_count, match_threshold,
    filter_collection_ids => array[col]);
end $$;
comment on function public.search_demo_knowledge(extensions.vector, uuid, double precision, integer) is '004''s search_knowledge_chunks(query_embedding, demo_id, match_threshold 0.7, match_count 5) for workspace members: demo_id is the demo (its demo collection) or the collection id itself.';

-- ===== logging
create function private.log_knowledge_access(p_workspace_id uuid, p_via text, p_mode public.knowledge_search_mode,
  p_strategy public.knowledge_search_strategy, p_query_sha256 text, p_model public.embedding_model, p_collection_ids uuid[],
  p_result_ids uuid[], p_latency_ms double precision)
returns void
language plpgsql volatile security definer set search_path = '' as $$
begin
  if (select auth.role()) = 'authenticated'
     and not (p_workspace_id = any (array(select private.workspace_ids('viewer')))) then
    raise exception 'not a member of this workspace' using errcode = '42501';
  end if;
  insert into public.knowledge_access_logs (workspace_id, user_id, caller_role, via, mode, strategy, query_sha256,
    embedding_model, collection_ids, result_chunk_ids, latency_ms)
  values (p_workspace_id, (select auth.uid()), coalesce(nullif((select auth.role()), ''), current_user::text), p_via, p_mode,
    p_strategy, p_query_sha256, p_model, p_collection_ids, coalesce(p_result_ids, '{}'),
    round(greatest(p_latency_ms, 0)::numeric, 2));
end $$;
comment on function private.log_knowledge_access(uuid, text, public.knowledge_search_mode, public.knowledge_search_strategy, text, public.embedding_model, uuid[], uuid[], double precision) is 'Writes one knowledge_access_logs row as the caller (user id and role from the JWT); a signed-in caller only into a workspace they belong to.';

-- ===== what knowledge-search calls: search one workspace as the caller and log it
create function public.knowledge_search(
  p_workspace_id uuid,
  p_query_text text,
  p_query_embedding extensions.vector default null,
  p_embedding_model public.embedding_model default null,
  p_mode public.knowledge_search_mode default 'hybrid',
  p_match_count integer default 10,
  p_min_similarity double precision default 0,
  p_collection_ids uuid[] default null,
  p_document_ids uuid[] default null,
  p_tags text[] default null,
  p_full_text_weight double precision default 1,
  p_semantic_weight double precision default 1,
  p_embed_ms double precision default 0
)
returns setof public.knowledge_match_row
language plpgsql volatile set search_path = '' as $$
declare
  t0 timestamptz := clock_timestamp();
  ws uuid[] := array[p_workspace_id];
  use_index boolean := false;
  res public.knowledge_match_row[];
begin
  if p_workspace_id is null then
    raise exception 'workspace id is required' using errcode = '22023';
  end if;
  if p_query_text is null or btrim(p_query_text) = '' or char_length(p_query_text) > 2000 then
    raise exception 'the query must be 1 to 2000 characters' using errcode = '22023';
  end if;
  if p_mode is null or (p_mode <> 'text' and p_query_embedding is null) then
    raise exception 'a % search needs the query embedding', coalesce(p_mode::text, 'null') using errcode = '22023';
  end if;
  if p_full_text_weight is null or p_semantic_weight is null or p_full_text_weight < 0 or p_semantic_weight < 0
     or p_full_text_weight + p_semantic_weight = 0 then
    raise exception 'weights must be non-negative and not both zero' using errcode = '22023';
  end if;
  perform private.check_search_args(p_query_embedding, p_match_count, p_min_similarity);
  -- Another workspace's search finds nothing and leaves no trace.
  if (select auth.role()) = 'authenticated' and not (p_workspace_id = any (array(select private.workspace_ids('viewer')))) then
    return;
  end if;
  if p_mode <> 'text' then
    use_index := private.knowledge_use_index(ws, p_collection_ids, p_document_ids, p_tags, p_embedding_model);
  end if;
  select coalesce(array_agg(m), '{}') into res
  from private.knowledge_search_core(p_mode, p_query_text, p_query_embedding, p_match_count, p_min_similarity, ws,
    p_collection_ids, p_document_ids, p_tags, p_embedding_model, p_full_text_weight, p_semantic_weight, 50, use_index) m;
  perform private.log_knowledge_access(p_workspace_id, 'knowledge-search', p_mode,
    case when p_mode <> 'text' then (case when use_index then 'index' else 'exact' end)::public.knowledge_search_strategy end,
    private.sha256_hex(p_query_text), p_embedding_model, p_collection_ids, array(select r.id from unnest(res) r),
    coalesce(p_embed_ms, 0) + extract(epoch from clock_timestamp() - t0) * 1000);
  return query select * from unnest(res);
end $$;
comment on function public.knowledge_search(uuid, text, extensions.vector, public.embedding_model, public.knowledge_search_mode, integer, double precision, uuid[], uuid[], text[], double precision, double precision, double precision) is 'Search one workspace as the caller and record it in knowledge_access_logs (query hash, result ids, latency including p_embed_ms). The knowledge-search function''s one call; a workspace the caller does not belong to yields nothing.';

-- What knowledge-search needs before embedding the query: the model of the collections searched
-- (the deployment default unless they name one) and the cached embedding of this text, if any.
create function private.cached_query_embedding(p_model public.embedding_model, p_text_sha256 text)
returns extensions.vector
language sql volatile security definer set search_path = '' as $$
  update private.query_embedding_cache q set used_at = now()
  where q.embedding_model = p_model and q.text_sha256 = p_text_sha256
  returning q.embedding
$$;
comment on function private.cached_query_embedding(public.embedding_model, text) is 'The cached embedding of a query text (by model and SHA-256), touching its last use; null when not cached.';

create function private.store_query_embedding(p_model public.embedding_model, p_text_sha256 text, p_embedding extensions.vector)
returns void
language sql volatile security definer set search_path = '' as $$
  insert into private.query_embedding_cache (embedding_model, text_sha256, embedding)
  values (p_model, p_text_sha256, p_embedding)
  on conflict (embedding_model, text_sha256) do update set used_at = now()
$$;
comment on function private.store_query_embedding(public.embedding_model, text, extensions.vector) is 'Caches a query embedding; the service role only (a user could otherwise plant a wrong vector for others'' queries).';

create function private.knowledge_search_context(p_collection_ids uuid[], p_default_model public.embedding_model,
                                                 p_text_sha256 text)
returns table (embedding_model public.embedding_model, cached_embedding text)
language plpgsql volatile set search_path = '' as $$
declare
  models public.embedding_model[];
begin
  if p_default_model is null then
    raise exception 'the default model is required' using errcode = '22023';
  end if;
  select coalesce(array_agg(distinct coalesce(c.embedding_model, p_default_model)), '{}') into models
  from public.knowledge_collections c where c.id = any (p_collection_ids);
  if cardinality(models) > 1 then
    raise exception 'these collections are embedded with different models; search them one at a time'
      using errcode = '22023', detail = array_to_string(models, ', ');
  end if;
  return query select coalesce(models[1], p_default_model),
    private.cached_query_embedding(coalesce(models[1], p_default_model), p_text_sha256)::text;
end $$;
comment on function private.knowledge_search_context(uuid[], public.embedding_model, text) is 'knowledge-search, as the caller: the model to embed the query with (the collections'' own, else the default) and its cached embedding.';

-- ===== the anon path's building block (demos): one collection, regardless of RLS
-- The caller (a narrow RPC or function of the demos domain) must first check that the demo is
-- published and rate-limit the visitor; this function only searches and logs.
create function private.search_collection(
  p_collection_id uuid,
  p_query_embedding extensions.vector,
  p_query_text text default null,
  p_match_count integer default 5,
  p_min_similarity double precision default 0.7,
  p_via text default 'search_collection'
)
returns setof public.knowledge_match_row
language plpgsql volatile security definer set search_path = '' as $$
declare
  t0 timestamptz := clock_timestamp();
  col public.knowledge_collections;
  has_text boolean := p_query_text is not null and btrim(p_query_text) <> '';
  mode public.knowledge_search_mode;
  use_index boolean := false;
  res public.knowledge_match_row[];
begin
  select * into col from public.knowledge_collections c where c.id = p_collection_id;
  if not found then
    raise exception 'collection not found' using errcode = 'PT404';
  end if;
  if not has_text and p_query_embedding is null then
    raise exception 'give a query text, a query embedding or both' using errcode = '22023';
  end if;
  if char_length(p_query_text) > 2000 then
    raise exception 'the query is over 2000 characters' using errcode = '22023';
  end if;
  perform private.check_search_args(p_query_embedding, p_match_count, p_min_similarity);
  mode := (case when not has_text then 'vector' when p_query_embedding is null then 'text' else 'hybrid' end)::public.knowledge_search_mode;
  if mode <> 'text' then
    use_index := private.knowledge_use_index(null, array[col.id], null, null, col.embedding_model);
  end if;
  select coalesce(array_agg(m), '{}') into res
  from private.knowledge_search_core(mode, p_query_text, p_query_embedding, p_match_count, p_min_similarity, null,
    array[col.id], null, null, col.embedding_model, 1, 1, 50, use_index) m;
  perform private.log_knowledge_access(col.workspace_id, coalesce(p_via, 'search_collection'), mode,
    case when mode <> 'text' then (case when use_index then 'index' else 'exact' end)::public.knowledge_search_strategy end,
    private.sha256_hex(coalesce(nullif(btrim(p_query_text), ''), p_query_embedding::text)), col.embedding_model, array[col.id],
    array(select r.id from unnest(res) r), extract(epoch from clock_timestamp() - t0) * 1000);
  return query select * from unnest(res);
end $$;
comment on function private.search_collection(uuid, extensions.vector, text, integer, double precision, text) is 'SECURITY DEFINER: searches one collection whatever the caller''s rights and logs it (caller role and via). For the demos domain''s published-demo search, after it has checked publication and rate limits. Service role only.';

-- ===== grants
revoke all on function private.knowledge_index_threshold() from public;
revoke all on function private.count_knowledge_chunks() from public;
revoke all on function private.knowledge_scope_chunks(uuid[], uuid[]) from public;
revoke all on function private.knowledge_filter_sql(uuid[], uuid[], uuid[], text[], public.embedding_model) from public;
revoke all on function private.knowledge_use_index(uuid[], uuid[], uuid[], text[], public.embedding_model) from public;
revoke all on function private.knowledge_vector_candidates(extensions.vector, integer, uuid[], uuid[], uuid[], text[], public.embedding_model, boolean) from public;
revoke all on function private.knowledge_tsquery(text) from public;
revoke all on function private.knowledge_text_candidates(text, integer, uuid[], uuid[], uuid[], text[]) from public;
revoke all on function private.knowledge_search_core(public.knowledge_search_mode, text, extensions.vector, integer, double precision, uuid[], uuid[], uuid[], text[], public.embedding_model, double precision, double precision, integer, boolean) from public;
revoke all on function private.check_search_args(extensions.vector, integer, double precision) from public;
revoke all on function private.search_workspaces(uuid) from public;
revoke all on function public.match_knowledge_chunks(extensions.vector, integer, double precision, uuid, uuid[], uuid[], text[], public.embedding_model) from public;
revoke all on function public.hybrid_search_knowledge_chunks(text, extensions.vector, integer, double precision, double precision, integer, double precision, uuid, uuid[], uuid[], text[], public.embedding_model) from public;
revoke all on function public.search_user_knowledge(uuid, extensions.vector, integer, double precision) from public;
revoke all on function public.search_demo_knowledge(extensions.vector, uuid, double precision, integer) from public;
revoke all on function private.log_knowledge_access(uuid, text, public.knowledge_search_mode, public.knowledge_search_strategy, text, public.embedding_model, uuid[], uuid[], double precision) from public;
revoke all on function public.knowledge_search(uuid, text, extensions.vector, public.embedding_model, public.knowledge_search_mode, integer, double precision, uuid[], uuid[], text[], double precision, double precision, double precision) from public;
revoke all on function private.cached_query_embedding(public.embedding_model, text) from public;
revoke all on function private.store_query_embedding(public.embedding_model, text, extensions.vector) from public;
revoke all on function private.knowledge_search_context(uuid[], public.embedding_model, text) from public;
revoke all on function private.search_collection(uuid, extensions.vector, text, integer, double precision, text) from public;

grant execute on function private.knowledge_index_threshold(),
  private.knowledge_scope_chunks(uuid[], uuid[]),
  private.knowledge_filter_sql(uuid[], uuid[], uuid[], text[], public.embedding_model),
  private.knowledge_use_index(uuid[], uuid[], uuid[], text[], public.embedding_model),
  private.knowledge_vector_candidates(extensions.vector, integer, uuid[], uuid[], uuid[], text[], public.embedding_model, boolean),
  private.knowledge_tsquery(text),
  private.knowledge_text_candidates(text, integer, uuid[], uuid[], uuid[], text[]),
  private.knowledge_search_core(public.knowledge_search_mode, text, extensions.vector, integer, double precision, uuid[], uuid[], uuid[], text[], public.embedding_model, double precision, double precision, integer, boolean),
  private.check_search_args(extensions.vector, integer, double precision),
  private.search_workspaces(uuid),
  private.log_knowledge_access(uuid, text, public.knowledge_search_mode, public.knowledge_search_strategy, text, public.embedding_model, uuid[], uuid[], double precision),
  private.cached_query_embedding(public.embedding_model, text),
  private.knowledge_search_context(uuid[], public.embedding_model, text)
  to authenticated, service_role;
grant execute on function public.match_knowledge_chunks(extensions.vector, integer, double precision, uuid, uuid[], uuid[], text[], public.embedding_model),
  public.hybrid_search_knowledge_chunks(text, extensions.vector, integer, double precision, double precision, integer, double precision, uuid, uuid[], uuid[], text[], public.embedding_model),
  public.search_user_knowledge(uuid, extensions.vector, integer, double precision),
  public.search_demo_knowledge(extensions.vector, uuid, double precision, integer),
  public.knowledge_search(uuid, text, extensions.vector, public.embedding_model, public.knowledge_search_mode, integer, double precision, uuid[], uuid[], text[], double precision, double precision, double precision)
  to authenticated, service_role;
grant execute on function private.store_query_embedding(public.embedding_model, text, extensions.vector),
  private.search_collection(uuid, extensions.vector, text, integer, double precision, text)
  to service_role;
