create table public.review_votes (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  review_id uuid not null,
  voter_id uuid not null,
  kind public.review_vote_kind not null,
  created_at timestamp with time zone default now() not null,
  constraint "review_votes_pkey" PRIMARY KEY (id),
  constraint "review_votes_review_id_workspace_id_voter_id_key" UNIQUE (review_id, workspace_id, voter_id),
  constraint "review_votes_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "review_votes_workspace_id_review_id_fkey" FOREIGN KEY (review_id, workspace_id) REFERENCES public.reviews(id, workspace_id) ON DELETE CASCADE
);
comment on table public.review_votes is 'Helpfulness votes from storefront visitors (public.vote_review): one per voter per review. Members may delete votes (vote stuffing); counters on reviews follow.';
comment on column public.review_votes.voter_id is 'The storefront''s anonymous visitor id (a uuid kept in the browser).';

alter table public.review_votes enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.review_votes to service_role;
grant select, delete on public.review_votes to authenticated;

CREATE INDEX review_votes_workspace_created_idx ON public.review_votes USING btree (workspace_id, created_at DESC);

create policy "members add" on public.review_votes for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.review_votes for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.review_votes for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.review_votes for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER count_review_vote AFTER INSERT OR DELETE OR UPDATE OF kind, review_id ON public.review_votes FOR EACH ROW EXECUTE FUNCTION private.count_review_vote();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.review_votes FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
