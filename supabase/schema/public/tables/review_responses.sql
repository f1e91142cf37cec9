create table public.review_responses (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  review_id uuid not null,
  author_name text not null,
  body text not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "review_responses_pkey" PRIMARY KEY (id),
  constraint "review_responses_author_name_length" CHECK (((char_length(btrim(author_name)) >= 1) AND (char_length(btrim(author_name)) <= 100))),
  constraint "review_responses_body_length" CHECK (((char_length(btrim(body)) >= 1) AND (char_length(btrim(body)) <= 5000))),
  constraint "review_responses_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "review_responses_review_id_workspace_id_key" UNIQUE (review_id, workspace_id),
  constraint "review_responses_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "review_responses_workspace_id_review_id_fkey" FOREIGN KEY (review_id, workspace_id) REFERENCES public.reviews(id, workspace_id) ON DELETE CASCADE
);
comment on table public.review_responses is 'The store''s public reply to a review (one per review), shown under it on the storefront once the review is published. Members write them.';
comment on column public.review_responses.author_name is 'Shown as the reply''s author, e.g. "The Demo Brand team".';
comment on column public.review_responses.created_by is 'The member who wrote it.';

alter table public.review_responses enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.review_responses to service_role;
grant select, delete on public.review_responses to authenticated;
grant insert (workspace_id) on public.review_responses to authenticated;
grant insert (review_id) on public.review_responses to authenticated;
grant insert, update (author_name) on public.review_responses to authenticated;
grant insert, update (body) on public.review_responses to authenticated;

CREATE INDEX review_responses_created_by_idx ON public.review_responses USING btree (created_by);
CREATE INDEX review_responses_workspace_idx ON public.review_responses USING btree (workspace_id, created_at DESC);

create policy "members add" on public.review_responses for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.review_responses for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.review_responses for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.review_responses for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.review_responses FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.review_responses FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
