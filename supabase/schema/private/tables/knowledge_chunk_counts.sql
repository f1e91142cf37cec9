create table private.knowledge_chunk_counts (
  collection_id uuid not null,
  workspace_id uuid not null,
  chunks bigint default 0 not null,
  constraint "knowledge_chunk_counts_pkey" PRIMARY KEY (collection_id),
  constraint "knowledge_chunk_counts_chunks_check" CHECK ((chunks >= 0)),
  constraint "knowledge_chunk_counts_collection_id_fkey" FOREIGN KEY (collection_id, workspace_id) REFERENCES public.knowledge_collections(id, workspace_id) ON DELETE CASCADE,
  constraint "knowledge_chunk_counts_collection_id_workspace_id_key" UNIQUE (collection_id, workspace_id),
  constraint "knowledge_chunk_counts_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table private.knowledge_chunk_counts is 'How many chunks each collection has (all versions'' current chunks), for the exact-or-index decision of searches.';

alter table private.knowledge_chunk_counts enable row level security;

CREATE INDEX knowledge_chunk_counts_workspace_id_idx ON private.knowledge_chunk_counts USING btree (workspace_id);

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id ON private.knowledge_chunk_counts FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id');
