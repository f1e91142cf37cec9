create table public.seo_audits (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  site_url text not null,
  crawled_at timestamp with time zone default now() not null,
  pages_crawled integer default 0 not null,
  avg_lcp_ms integer,
  avg_inp_ms integer,
  avg_fid_ms integer,
  avg_cls numeric(6,4),
  technical_score smallint,
  content_score smallint,
  performance_score smallint,
  overall_score smallint generated always as ((round(((((technical_score + content_score) + performance_score))::numeric / 3.0)))::smallint) stored,
  critical_issues integer default 0 not null,
  high_priority_issues integer default 0 not null,
  issues jsonb default '[]'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  audited_on date,
  connection_id uuid,
  vitals_source public.web_vitals_source,
  constraint "seo_audits_pkey" PRIMARY KEY (id),
  constraint "seo_audits_avg_cls_check" CHECK ((avg_cls >= (0)::numeric)),
  constraint "seo_audits_avg_fid_ms_check" CHECK ((avg_fid_ms >= 0)),
  constraint "seo_audits_avg_inp_ms_check" CHECK ((avg_inp_ms >= 0)),
  constraint "seo_audits_avg_lcp_ms_check" CHECK ((avg_lcp_ms >= 0)),
  constraint "seo_audits_connection_fkey" FOREIGN KEY (workspace_id, connection_id) REFERENCES public.integration_connections(workspace_id, id) ON DELETE SET NULL (connection_id),
  constraint "seo_audits_content_score_check" CHECK (((content_score >= 0) AND (content_score <= 100))),
  constraint "seo_audits_critical_issues_check" CHECK ((critical_issues >= 0)),
  constraint "seo_audits_high_priority_issues_check" CHECK ((high_priority_issues >= 0)),
  constraint "seo_audits_issues_check" CHECK ((jsonb_typeof(issues) = 'array'::text)),
  constraint "seo_audits_pages_crawled_check" CHECK ((pages_crawled >= 0)),
  constraint "seo_audits_performance_score_check" CHECK (((performance_score >= 0) AND (performance_score <= 100))),
  constraint "seo_audits_site_url_check" CHECK (((site_url ~ '^https?://'::text) AND (char_length(site_url) <= 2000))),
  constraint "seo_audits_technical_score_check" CHECK (((technical_score >= 0) AND (technical_score <= 100))),
  constraint "seo_audits_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.seo_audits is 'Daily SEO audits with Core Web Vitals and scores: a crawler''s rows, or PageSpeed''s (one per site and day, rolled up from seo_page_audits by the analytics sync). Service writes; kept seo_retention_days (default 365).';
comment on column public.seo_audits.avg_inp_ms is 'Interaction to Next Paint, which replaced FID as a Core Web Vital in 2024; avg_fid_ms is kept for older crawls.';
comment on column public.seo_audits.overall_score is 'Mean of the technical, content and performance scores, rounded; NULL when one is missing.';
comment on column public.seo_audits.audited_on is 'PageSpeed: the day the row rolls up (one per site and day); NULL for a crawler''s rows.';
comment on column public.seo_audits.connection_id is 'PageSpeed: the site''s connection; NULL for a crawler''s rows.';
comment on column public.seo_audits.vitals_source is 'PageSpeed: field when every page''s Core Web Vitals came from CrUX, lab when none did, NULL when mixed or from a crawler.';

alter table public.seo_audits enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.seo_audits to service_role;
grant select on public.seo_audits to authenticated;

CREATE INDEX seo_audits_connection_idx ON public.seo_audits USING btree (workspace_id, connection_id);
CREATE INDEX seo_audits_recent_idx ON public.seo_audits USING btree (workspace_id, crawled_at DESC);
CREATE UNIQUE INDEX seo_audits_site_day_key ON public.seo_audits USING btree (workspace_id, site_url, audited_on) WHERE (audited_on IS NOT NULL);

create policy "viewers read" on public.seo_audits for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.seo_audits FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
