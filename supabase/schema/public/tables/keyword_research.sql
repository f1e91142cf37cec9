create table public.keyword_research (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  keyword text not null,
  locale text default 'en-US'::text not null,
  search_volume integer,
  difficulty smallint,
  cpc_cents bigint,
  currency character(3),
  competition numeric(5,4),
  intent public.search_intent,
  monthly_volumes jsonb default '[]'::jsonb not null,
  related_keywords text[] default '{}'::text[] not null,
  source text,
  notes text,
  researched_at timestamp with time zone default now() not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "keyword_research_pkey" PRIMARY KEY (id),
  constraint "a cost per click has a currency" CHECK (((cpc_cents IS NULL) OR (currency IS NOT NULL))),
  constraint "keyword_research_competition_check" CHECK (((competition >= (0)::numeric) AND (competition <= (1)::numeric))),
  constraint "keyword_research_cpc_cents_check" CHECK ((cpc_cents >= 0)),
  constraint "keyword_research_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "keyword_research_currency_check" CHECK ((currency ~ '^[A-Z]{3}$'::text)),
  constraint "keyword_research_difficulty_check" CHECK (((difficulty >= 0) AND (difficulty <= 100))),
  constraint "keyword_research_keyword_check" CHECK ((((char_length(keyword) >= 1) AND (char_length(keyword) <= 200)) AND (keyword = lower(keyword)))),
  constraint "keyword_research_locale_check" CHECK ((locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'::text)),
  constraint "keyword_research_monthly_volumes_check" CHECK ((jsonb_typeof(monthly_volumes) = 'array'::text)),
  constraint "keyword_research_notes_check" CHECK ((char_length(notes) <= 4000)),
  constraint "keyword_research_search_volume_check" CHECK ((search_volume >= 0)),
  constraint "keyword_research_source_check" CHECK ((char_length(source) <= 120)),
  constraint "keyword_research_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "keyword_research_workspace_id_keyword_locale_key" UNIQUE (workspace_id, keyword, locale)
);
comment on table public.keyword_research is 'Keyword research results: volume, difficulty, CPC, intent, related keywords; one row per keyword and locale. Members research.';
comment on column public.keyword_research.monthly_volumes is 'Search volume per month, e.g. [{"month": "2026-10", "volume": 1900}].';

alter table public.keyword_research enable row level security;
grant insert, select, update, delete on public.keyword_research to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.keyword_research to service_role;

CREATE INDEX keyword_research_created_by_idx ON public.keyword_research USING btree (created_by);

create policy "members add" on public.keyword_research for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.keyword_research for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.keyword_research for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.keyword_research for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.keyword_research FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.keyword_research FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_actor BEFORE INSERT ON public.keyword_research FOR EACH ROW EXECUTE FUNCTION private.stamp_actor('created_by');
