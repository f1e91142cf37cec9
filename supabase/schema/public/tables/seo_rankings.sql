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
  featured_snippet boolean default false,
  created_at timestamp with time zone default now() not null,
  source public.ranking_source default 'rank_tracker'::public.ranking_source not null,
  clicks integer,
  impressions integer,
  ctr numeric(7,6),
  avg_position numeric(7,2),
  constraint "seo_rankings_pkey" PRIMARY KEY (id),
  constraint "a Search Console ranking names its page" CHECK (((source <> 'search_console'::public.ranking_source) OR (url IS NOT NULL))),
  constraint "seo_rankings_avg_position_check" CHECK ((avg_position >= (1)::numeric)),
  constraint "seo_rankings_clicks_check" CHECK ((clicks >= 0)),
  constraint "seo_rankings_ctr_check" CHECK (((ctr >= (0)::numeric) AND (ctr <= (1)::numeric))),
  constraint "seo_rankings_impressions_check" CHECK ((impressions >= 0)),
  constraint "seo_rankings_keyword_check" CHECK ((((char_length(keyword) >= 1) AND (char_length(keyword) <= 200)) AND (keyword = lower(keyword)))),
  constraint "seo_rankings_location_check" CHECK (((char_length(location) >= 1) AND (char_length(location) <= 64))),
  constraint "seo_rankings_position_check" CHECK ((("position" >= 1) AND ("position" <= 100))),
  constraint "seo_rankings_search_volume_check" CHECK ((search_volume >= 0)),
  constraint "seo_rankings_url_check" CHECK ((char_length(url) <= 2000)),
  constraint "seo_rankings_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.seo_rankings is 'Keyword positions per day, from a rank tracker (one row per keyword, engine, location, device and day) or Search Console (one per query, page, country, device and day, with clicks, impressions and CTR). Written by ingest_seo_rankings (service, idempotent); kept seo_retention_days (default 365).';
comment on column public.seo_rankings.keyword is 'Lower-cased keyword.';
comment on column public.seo_rankings.location is 'A rank tracker''s location, or Search Console''s country as ISO 3166-1 alpha-2 in lower case (zz: unknown).';
comment on column public.seo_rankings.position is 'Position 1-100 in the results; NULL when not in the top 100.';
comment on column public.seo_rankings.search_volume is 'Monthly searches of the keyword, where the source gives it (a rank tracker); NULL from Search Console, which does not.';
comment on column public.seo_rankings.featured_snippet is 'Whether the result was a featured snippet, where the source gives it (a rank tracker: true or false); NULL from Search Console, which does not.';
comment on column public.seo_rankings.source is 'rank_tracker or search_console (see ranking_source).';
comment on column public.seo_rankings.clicks is 'Search Console: clicks from Google''s results to url for the query that day; NULL from a rank tracker.';
comment on column public.seo_rankings.impressions is 'Search Console: times url was shown for the query that day; NULL from a rank tracker.';
comment on column public.seo_rankings.ctr is 'Search Console: clicks / impressions as reported (0-1).';
comment on column public.seo_rankings.avg_position is 'Search Console: the average position as reported (position is it rounded, NULL beyond 100).';

alter table public.seo_rankings enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.seo_rankings to service_role;
grant select on public.seo_rankings to authenticated;

CREATE INDEX seo_rankings_history_idx ON public.seo_rankings USING btree (workspace_id, keyword, tracked_on DESC);
CREATE UNIQUE INDEX seo_rankings_search_console_key ON public.seo_rankings USING btree (workspace_id, tracked_on, keyword, url, location, device) WHERE (source = 'search_console'::public.ranking_source);
comment on index public.seo_rankings_search_console_key is 'A Search Console row: one per day, query, page, country and device.';
CREATE INDEX seo_rankings_top_idx ON public.seo_rankings USING btree (workspace_id, tracked_on, "position") WHERE ("position" IS NOT NULL);
CREATE UNIQUE INDEX seo_rankings_tracker_key ON public.seo_rankings USING btree (workspace_id, keyword, search_engine, location, device, tracked_on) WHERE (source = 'rank_tracker'::public.ranking_source);
comment on index public.seo_rankings_tracker_key is 'A rank tracker''s ranking: one per keyword, engine, location, device and day.';

create policy "viewers read" on public.seo_rankings for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.seo_rankings FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
