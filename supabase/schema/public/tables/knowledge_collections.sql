create table public.knowledge_collections (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  scope public.knowledge_scope default 'general'::public.knowledge_scope not null,
  owner_id uuid,
  name text not null,
  description text,
  embedding_model public.embedding_model,
  metadata jsonb default '{}'::jsonb not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "knowledge_collections_pkey" PRIMARY KEY (id),
  constraint "knowledge_collections_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "knowledge_collections_description_check" CHECK ((char_length(description) <= 4000)),
  constraint "knowledge_collections_metadata_check" CHECK ((jsonb_typeof(metadata) = 'object'::text)),
  constraint "knowledge_collections_name_check" CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 200))),
  constraint "knowledge_collections_owner_matches_scope" CHECK (((scope = 'general'::public.knowledge_scope) = (owner_id IS NULL))),
  constraint "knowledge_collections_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "knowledge_collections_workspace_id_id_key" UNIQUE (workspace_id, id)
);
comment on table public.knowledge_collections is 'A knowledge base (003''s buckets): general, or one campaign''s, demo''s or agent''s. Chunks of one collection are embedded with one model.';
comment on column public.knowledge_collections.owner_id is 'The campaign, demo or agent this collection belongs to (null for general). Not a foreign key: those tables live in other domains.';
comment on column public.knowledge_collections.embedding_model is 'The model every chunk of this collection is embedded with; null means the deployment''s default (EMBEDDING_MODEL of the functions). Changing it re-embeds the collection.';
comment on column public.knowledge_collections.metadata is 'Free-form settings and labels.';

alter table public.knowledge_collections enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.knowledge_collections to service_role;
grant select, delete on public.knowledge_collections to authenticated;
grant insert (id) on public.knowledge_collections to authenticated;
grant insert (workspace_id) on public.knowledge_collections to authenticated;
grant insert (scope) on public.knowledge_collections to authenticated;
grant insert (owner_id) on public.knowledge_collections to authenticated;
grant insert, update (name) on public.knowledge_collections to authenticated;
grant insert, update (description) on public.knowledge_collections to authenticated;
grant insert, update (embedding_model) on public.knowledge_collections to authenticated;
grant insert, update (metadata) on public.knowledge_collections to authenticated;

CREATE INDEX knowledge_collections_created_by_idx ON public.knowledge_collections USING btree (created_by);
CREATE UNIQUE INDEX knowledge_collections_one_per_owner ON public.knowledge_collections USING btree (workspace_id, scope, owner_id) WHERE (scope = ANY (ARRAY['demo'::public.knowledge_scope, 'agent'::public.knowledge_scope]));
CREATE INDEX knowledge_collections_owner_idx ON public.knowledge_collections USING btree (owner_id) WHERE (owner_id IS NOT NULL);

create policy "members add" on public.knowledge_collections for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.knowledge_collections for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.knowledge_collections for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.knowledge_collections for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER check_knowledge_collection BEFORE INSERT OR UPDATE OF scope, owner_id ON public.knowledge_collections FOR EACH ROW EXECUTE FUNCTION private.check_knowledge_collection();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.knowledge_collections FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER knowledge_collection_model_changed AFTER UPDATE OF embedding_model ON public.knowledge_collections FOR EACH ROW EXECUTE FUNCTION private.knowledge_collection_model_changed();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.knowledge_collections FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
