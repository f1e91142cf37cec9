create table public.seo_page_audits (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  connection_id uuid not null,
  url text not null,
  strategy public.pagespeed_strategy not null,
  audited_on date not null,
  vitals_source public.web_vitals_source,
  field_category text,
  lcp_ms integer,
  inp_ms integer,
  cls numeric(6,4),
  fcp_ms integer,
  ttfb_ms integer,
  tbt_ms integer,
  performance_score smallint,
  seo_score smallint,
  best_practices_score smallint,
  accessibility_score smallint,
  critical_issues integer default 0 not null,
  high_priority_issues integer default 0 not null,
  issues jsonb default '[]'::jsonb not null,
  lighthouse_version text,
  fetched_at timestamp with time zone,
  error text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "seo_page_audits_pkey" PRIMARY KEY (id),
  constraint "an audit has vitals or an error" CHECK (((vitals_source IS NOT NULL) OR (error IS NOT NULL))),
  constraint "seo_page_audits_accessibility_score_check" CHECK (((accessibility_score >= 0) AND (accessibility_score <= 100))),
  constraint "seo_page_audits_best_practices_score_check" CHECK (((best_practices_score >= 0) AND (best_practices_score <= 100))),
  constraint "seo_page_audits_cls_check" CHECK ((cls >= (0)::numeric)),
  constraint "seo_page_audits_critical_issues_check" CHECK ((critical_issues >= 0)),
  constraint "seo_page_audits_error_check" CHECK ((char_length(error) <= 2000)),
  constraint "seo_page_audits_fcp_ms_check" CHECK ((fcp_ms >= 0)),
  constraint "seo_page_audits_field_category_check" CHECK ((field_category = ANY (ARRAY['FAST'::text, 'AVERAGE'::text, 'SLOW'::text]))),
  constraint "seo_page_audits_high_priority_issues_check" CHECK ((high_priority_issues >= 0)),
  constraint "seo_page_audits_inp_ms_check" CHECK ((inp_ms >= 0)),
  constraint "seo_page_audits_issues_check" CHECK ((jsonb_typeof(issues) = 'array'::text)),
  constraint "seo_page_audits_lcp_ms_check" CHECK ((lcp_ms >= 0)),
  constraint "seo_page_audits_lighthouse_version_check" CHECK ((char_length(lighthouse_version) <= 40)),
  constraint "seo_page_audits_performance_score_check" CHECK (((performance_score >= 0) AND (performance_score <= 100))),
  constraint "seo_page_audits_seo_score_check" CHECK (((seo_score >= 0) AND (seo_score <= 100))),
  constraint "seo_page_audits_tbt_ms_check" CHECK ((tbt_ms >= 0)),
  constraint "seo_page_audits_ttfb_ms_check" CHECK ((ttfb_ms >= 0)),
  constraint "seo_page_audits_url_check" CHECK ((char_length(url) <= 2000)),
  constraint "seo_page_audits_workspace_id_connection_id_audited_on_url_s_key" UNIQUE (workspace_id, connection_id, audited_on, url, strategy),
  constraint "seo_page_audits_workspace_id_connection_id_fkey" FOREIGN KEY (workspace_id, connection_id) REFERENCES public.integration_connections(workspace_id, id) ON DELETE CASCADE,
  constraint "seo_page_audits_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.seo_page_audits is 'PageSpeed Insights of one key page, strategy and day: Core Web Vitals (field where Google has them, else lab), Lighthouse scores and failing audits, or the error Lighthouse gave for the page. Written by the analytics sync; viewers read; kept seo_retention_days.';
comment on column public.seo_page_audits.vitals_source is 'field: lcp/inp/cls/fcp/ttfb are CrUX''s 75th percentile for this page over 28 days; lab: they are one Lighthouse run''s (inp NULL: it has no lab value). NULL when the audit failed.';
comment on column public.seo_page_audits.field_category is 'CrUX''s overall verdict for the page (FAST, AVERAGE, SLOW) where field data exists.';
comment on column public.seo_page_audits.tbt_ms is 'Total blocking time, lab only (Lighthouse''s stand-in for responsiveness).';
comment on column public.seo_page_audits.issues is 'Failing Lighthouse audits: [{"id", "title", "score", "severity": "critical" | "high", "category"}]; critical when it counts toward a category score.';
comment on column public.seo_page_audits.error is 'Why PageSpeed could not audit the page (Lighthouse''s error), when it could not.';

alter table public.seo_page_audits enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.seo_page_audits to service_role;
grant select on public.seo_page_audits to authenticated;

CREATE INDEX seo_page_audits_connection_idx ON public.seo_page_audits USING btree (workspace_id, connection_id, audited_on DESC);
CREATE INDEX seo_page_audits_url_idx ON public.seo_page_audits USING btree (workspace_id, url, audited_on DESC);

create policy "viewers read" on public.seo_page_audits for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.seo_page_audits FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.seo_page_audits FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
