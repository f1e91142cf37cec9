create table public.strategy_documents (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  kind public.strategy_document_kind not null,
  title text not null,
  status public.strategy_document_status default 'draft'::public.strategy_document_status not null,
  campaign_id uuid,
  body jsonb not null,
  version integer default 1 not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "strategy_documents_pkey" PRIMARY KEY (id),
  constraint "a document title has 1 to 200 characters" CHECK (((char_length(btrim(title)) >= 1) AND (char_length(btrim(title)) <= 200))),
  constraint "strategy_documents_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "strategy_documents_workspace_id_campaign_id_fkey" FOREIGN KEY (workspace_id, campaign_id) REFERENCES public.campaigns(workspace_id, id) ON DELETE SET NULL (campaign_id),
  constraint "strategy_documents_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.strategy_documents is 'Brand positioning (3Cs), funnel designs, competitive gap analyses and KPI frameworks of a workspace, optionally for one campaign; body validated per kind by private.strategy_document_problem(). The kind never changes.';
comment on column public.strategy_documents.campaign_id is 'The marketing campaign the document is for; null for the whole workspace.';
comment on column public.strategy_documents.body is 'The document, validated per kind (private.strategy_document_problem).';
comment on column public.strategy_documents.version is 'Starts at 1 and goes up by one each time the body changes.';

alter table public.strategy_documents enable row level security;
grant insert, select, update, delete on public.strategy_documents to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.strategy_documents to service_role;

CREATE INDEX strategy_documents_campaign_idx ON public.strategy_documents USING btree (workspace_id, campaign_id);
CREATE INDEX strategy_documents_created_by_idx ON public.strategy_documents USING btree (created_by);
CREATE UNIQUE INDEX strategy_documents_one_active ON public.strategy_documents USING btree (workspace_id, kind, COALESCE(campaign_id, '00000000-0000-0000-0000-000000000000'::uuid)) WHERE (status = 'active'::public.strategy_document_status);
CREATE INDEX strategy_documents_workspace_kind_idx ON public.strategy_documents USING btree (workspace_id, kind, status);

create policy "members add" on public.strategy_documents for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.strategy_documents for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.strategy_documents for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.strategy_documents for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER check_strategy_document BEFORE INSERT ON public.strategy_documents FOR EACH ROW EXECUTE FUNCTION private.check_strategy_document();
CREATE TRIGGER check_strategy_document_update BEFORE UPDATE ON public.strategy_documents FOR EACH ROW WHEN ((NOT ((old.created_by IS NOT NULL) AND (new.created_by IS NULL) AND private.only_deleted_users_cleared(ARRAY[old.created_by], ARRAY[new.created_by])))) EXECUTE FUNCTION private.check_strategy_document();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.strategy_documents FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.strategy_documents FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_created_by BEFORE INSERT ON public.strategy_documents FOR EACH ROW EXECUTE FUNCTION private.stamp_created_by();
