create table public.touchpoints (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  visitor_id text not null,
  channel public.marketing_channel not null,
  source text,
  medium text,
  campaign text,
  utm_content text,
  utm_term text,
  utm_id text,
  gclid text,
  fbclid text,
  ttclid text,
  landing_url text,
  referrer text,
  occurred_at timestamp with time zone default now() not null,
  created_at timestamp with time zone default now() not null,
  constraint "touchpoints_pkey" PRIMARY KEY (workspace_id, id, occurred_at),
  constraint "touchpoints_campaign_check" CHECK ((char_length(campaign) <= 256)),
  constraint "touchpoints_fbclid_check" CHECK ((char_length(fbclid) <= 512)),
  constraint "touchpoints_gclid_check" CHECK ((char_length(gclid) <= 512)),
  constraint "touchpoints_landing_url_check" CHECK ((char_length(landing_url) <= 4096)),
  constraint "touchpoints_medium_check" CHECK ((char_length(medium) <= 256)),
  constraint "touchpoints_referrer_check" CHECK ((char_length(referrer) <= 4096)),
  constraint "touchpoints_source_check" CHECK ((char_length(source) <= 256)),
  constraint "touchpoints_ttclid_check" CHECK ((char_length(ttclid) <= 512)),
  constraint "touchpoints_utm_content_check" CHECK ((char_length(utm_content) <= 256)),
  constraint "touchpoints_utm_id_check" CHECK ((char_length(utm_id) <= 256)),
  constraint "touchpoints_utm_term_check" CHECK ((char_length(utm_term) <= 256)),
  constraint "touchpoints_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "touchpoints_workspace_id_visitor_id_fkey" FOREIGN KEY (workspace_id, visitor_id) REFERENCES public.visitors(workspace_id, visitor_id) ON DELETE CASCADE
) partition by RANGE (occurred_at);
-- partitions by month in private, made ahead and dropped by pg_cron (private.maintain_partitions)
comment on table public.touchpoints is 'Marketing touches: one per storefront landing, with source, medium, campaign, UTM fields and click ids. Partitioned by month on occurred_at (private.touchpoints_pYYYYMM), 25 months kept.';
comment on column public.touchpoints.source is 'utm_source, or the referrer''s host when there is none.';
comment on column public.touchpoints.medium is 'utm_medium.';
comment on column public.touchpoints.campaign is 'utm_campaign; joins ad_campaigns.utm_campaign (or external_id) in the report.';
comment on column public.touchpoints.utm_id is 'utm_id (or campaign_id) from the landing URL: the ad platform''s campaign id, matched to ad_campaigns.external_id.';

alter table public.touchpoints enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.touchpoints to service_role;
grant select on public.touchpoints to authenticated;

CREATE INDEX touchpoints_visitor_idx ON ONLY public.touchpoints USING btree (workspace_id, visitor_id, occurred_at);
CREATE INDEX touchpoints_workspace_occurred_idx ON ONLY public.touchpoints USING btree (workspace_id, occurred_at);

create policy "viewers read" on public.touchpoints for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.touchpoints FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER uncredit_journeys_del AFTER DELETE ON public.touchpoints REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.touchpoints_changed();
CREATE TRIGGER uncredit_journeys_ins AFTER INSERT ON public.touchpoints REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.touchpoints_changed();
CREATE TRIGGER uncredit_journeys_upd AFTER UPDATE ON public.touchpoints REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.touchpoints_changed();
