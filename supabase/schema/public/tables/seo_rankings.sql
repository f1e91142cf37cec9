create table public.seo_rankings (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  keyword text not null,
  search_engine public.search_engine default 'google'::public.search_engine not null,
  location text default 'us'::text not null,
  device public.search_device default 'mobile'::public.search_device not null,
  tracked_on date not null,
  position smallint,
  url text,
  search_volume integer,
  featured_snippet boolean default false not null,
  created_at timestamp with time zone default now() not null,
  constraint "seo_rankings_pkey" PRIMARY KEY (id),
  constraint "seo_rankings_keyword_check" CHECK ((((char_length(keyword) >= 1) AND (char_length(keyword) <= 200)) AND (keyword = lower(keyword)))),
  constraint "seo_rankings_location_check" CHECK (((char_length(location) >= 1) AND (char_length(location) <= 64))),
  constraint "seo_rankings_position_check" CHECK ((("position" >= 1) AND ("position" <= 100))),
  constraint "seo_rankings_search_volume_check" CHECK ((search_volume >= 0)),
  constraint "seo_rankings_url_check" CHECK ((char_length(url) <= 2000)),
  constraint "seo_rankings_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "seo_rankings_workspace_id_keyword_search_engine_location_de_key" UNIQUE (workspace_id, keyword, search_engine, location, device, tracked_on)
);
comment on table public.seo_rankings is 'Keyword positions per day: one row per keyword, engine, location, device and day. Written by the rank tracker (service, idempotent upsert); kept seo_retention_days (default 365).';
comment on column public.seo_rankings.keyword is 'Lower-cased keyword.';
comment on column public.seo_rankings.position is 'Position 1-100 in the results; NULL when not in the top 100.';

alter table public.seo_rankings enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.seo_rankings to service_role;
grant select on public.seo_rankings to authenticated;

CREATE INDEX seo_rankings_history_idx ON public.seo_rankings USING btree (workspace_id, keyword, tracked_on DESC);
CREATE INDEX seo_rankings_top_idx ON public.seo_rankings USING btree (workspace_id, tracked_on, "position") WHERE ("position" IS NOT NULL);

create policy "viewers read" on public.seo_rankings for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.seo_rankings FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
