create table public.social_analytics (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  social_post_id uuid not null,
  platform public.social_platform not null,
  measured_at timestamp with time zone not null,
  views bigint default 0 not null,
  likes bigint default 0 not null,
  comments bigint default 0 not null,
  shares bigint default 0 not null,
  saves bigint default 0 not null,
  clicks bigint default 0 not null,
  reach bigint,
  impressions bigint,
  engagements bigint default 0 not null,
  engagement_rate numeric(12,6),
  created_at timestamp with time zone default now() not null,
  constraint "social_analytics_pkey" PRIMARY KEY (id),
  constraint "social_analytics_clicks_check" CHECK ((clicks >= 0)),
  constraint "social_analytics_comments_check" CHECK ((comments >= 0)),
  constraint "social_analytics_impressions_check" CHECK ((impressions >= 0)),
  constraint "social_analytics_likes_check" CHECK ((likes >= 0)),
  constraint "social_analytics_reach_check" CHECK ((reach >= 0)),
  constraint "social_analytics_saves_check" CHECK ((saves >= 0)),
  constraint "social_analytics_shares_check" CHECK ((shares >= 0)),
  constraint "social_analytics_social_post_id_measured_at_key" UNIQUE (social_post_id, measured_at),
  constraint "social_analytics_views_check" CHECK ((views >= 0)),
  constraint "social_analytics_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "social_analytics_workspace_id_social_post_id_fkey" FOREIGN KEY (workspace_id, social_post_id) REFERENCES public.social_posts(workspace_id, id) ON DELETE CASCADE
);
comment on table public.social_analytics is 'A post''s metrics as measured at a time; one row per post and measurement. Written by connectors (service); kept social_retention_days (default 365).';
comment on column public.social_analytics.platform is 'Copied from the post by trigger.';
comment on column public.social_analytics.engagements is 'likes + comments + shares + saves, by trigger.';
comment on column public.social_analytics.engagement_rate is 'engagements / reach, rounded to 6 decimals, by trigger; NULL when reach is 0 or unknown.';

alter table public.social_analytics enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.social_analytics to service_role;
grant select on public.social_analytics to authenticated;

CREATE INDEX social_analytics_post_idx ON public.social_analytics USING btree (workspace_id, social_post_id, measured_at DESC);
CREATE INDEX social_analytics_rate_idx ON public.social_analytics USING btree (workspace_id, engagement_rate DESC NULLS LAST);

create policy "viewers read" on public.social_analytics for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER derive_social_engagement BEFORE INSERT OR UPDATE ON public.social_analytics FOR EACH ROW EXECUTE FUNCTION private.derive_social_engagement();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.social_analytics FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
