-- Organic social from Instagram (Graph API, through a Meta connection granted Instagram's scopes)
-- and TikTok (a TikTok business account): accounts and their insights by day, posts and their
-- insights, and the content calendar's scheduled posts marked published when they go out.
-- - public.social_accounts: one per network account the sync reads (an Instagram professional
--   account found through the Meta connection's pages, or the TikTok business account), with its
--   current followers; public.social_account_daily: its followers, reach, views ... per day.
-- - Posts are social_posts (one per network post, by external id) with a social_analytics row per
--   post and day of measurement (lifetime figures as measured that day).
-- - A post the network reports that is not yet known by its id is first matched to a scheduled
--   post of the same network that waits for it (scheduled within 24 hours before to 1 hour after
--   the publication, the same caption where both have one, the nearest in time): that row takes the
--   network's id, URL and publication, so the content calendar entries that point at it
--   (content_calendar.social_post_id) become published, with the post's published id.

create table public.social_accounts (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  connection_id uuid,
  platform public.social_platform not null,
  external_account_id text not null check (char_length(external_account_id) between 1 and 200),
  username text check (char_length(username) <= 200),
  display_name text check (char_length(display_name) <= 200),
  followers bigint check (followers >= 0),
  posts_count bigint check (posts_count >= 0),
  last_synced_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, platform, external_account_id),
  unique (workspace_id, id),
  foreign key (workspace_id, connection_id) references public.integration_connections (workspace_id, id)
    on delete set null (connection_id)
);
comment on table public.social_accounts is 'A social network account whose organic posts and insights the analytics sync reads (Instagram professional account, TikTok business account), with its current follower and post counts. Written by the sync; viewers read.';
comment on column public.social_accounts.connection_id is 'The connection it is read through (a Meta connection for Instagram, a tiktok_account connection); NULL once that is deleted.';
alter table public.social_accounts enable row level security;
grant select on public.social_accounts to authenticated;
select private.install_row_triggers('public.social_accounts');
select private.tenant_policy('public.social_accounts', 'select', 'viewer');
create index social_accounts_connection_idx on public.social_accounts (workspace_id, connection_id);

create table public.social_account_daily (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  social_account_id uuid not null,
  day date not null,
  followers bigint check (followers >= 0),
  reach bigint check (reach >= 0),
  impressions bigint check (impressions >= 0),
  views bigint check (views >= 0),
  profile_views bigint check (profile_views >= 0),
  likes bigint check (likes >= 0),
  comments bigint check (comments >= 0),
  shares bigint check (shares >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (social_account_id, day),
  foreign key (workspace_id, social_account_id) references public.social_accounts (workspace_id, id) on delete cascade
);
comment on table public.social_account_daily is 'An account''s insights per day as the network reports them (Instagram: followers, reach, views, profile views; TikTok: followers, video views, profile views, likes, comments, shares); NULL where the network does not report a figure. Written by the analytics sync; viewers read; kept social_retention_days.';
alter table public.social_account_daily enable row level security;
grant select on public.social_account_daily to authenticated;
select private.install_row_triggers('public.social_account_daily');
select private.tenant_policy('public.social_account_daily', 'select', 'viewer');
create index social_account_daily_account_idx on public.social_account_daily (workspace_id, social_account_id, day desc);

alter table public.social_posts
  add column social_account_id uuid,
  add column media_type text check (char_length(media_type) <= 40),
  add column last_synced_at timestamptz,
  add constraint social_posts_social_account_fkey foreign key (workspace_id, social_account_id)
    references public.social_accounts (workspace_id, id) on delete set null (social_account_id);
comment on column public.social_posts.social_account_id is 'The network account that published it, once the analytics sync has seen it.';
comment on column public.social_posts.media_type is 'The network''s kind of post (Instagram IMAGE, VIDEO, CAROUSEL_ALBUM, REELS ...; TikTok VIDEO).';
comment on column public.social_posts.last_synced_at is 'When the analytics sync last read the post from its network.';
comment on table public.social_posts is 'Posts on social networks. Members draft and schedule; the analytics sync records each published post (a scheduled one takes its network id when it goes out) and its insights.';
create index social_posts_social_account_idx on public.social_posts (workspace_id, social_account_id);
create index social_posts_waiting_idx on public.social_posts (workspace_id, platform, scheduled_at)
  where status = 'scheduled' and external_post_id is null;

alter table public.content_calendar
  add column social_post_id uuid,
  add constraint content_calendar_social_post_fkey foreign key (workspace_id, social_post_id)
    references public.social_posts (workspace_id, id) on delete set null (social_post_id);
comment on column public.content_calendar.social_post_id is 'The social post this entry schedules: when the analytics sync sees it published, the entry becomes published (its published id and URL are the post''s).';
create index content_calendar_social_post_idx on public.content_calendar (workspace_id, social_post_id);

-- A social post that is published marks the calendar entries scheduling it.
create function private.social_post_published() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.content_calendar c set status = 'published', published_at = coalesce(new.published_at, now())
  where c.workspace_id = new.workspace_id and c.social_post_id = new.id and c.status not in ('published', 'cancelled');
  return null;
end $$;
comment on function private.social_post_published() is 'AFTER INSERT/UPDATE OF status on social_posts, when a post is published: the content calendar entries that schedule it (social_post_id) become published at the post''s time.';
create trigger social_post_published after insert or update of status on public.social_posts
  for each row when (new.status = 'published') execute function private.social_post_published();

-- The normalised caption a scheduled post is matched on.
create function private.caption_key(p_caption text) returns text
language sql immutable set search_path = '' as $$
  select nullif(left(regexp_replace(lower(btrim(p_caption)), '\s+', ' ', 'g'), 120), '')
$$;
comment on function private.caption_key(text) is 'A caption lower-cased, with runs of white space as one space, first 120 characters: what a scheduled post and the published one are compared on.';

-- One page of a social account: the account, its days, its posts (see the header).
create function private.apply_social_page(p_job_id bigint, p_lease_id uuid, p_page jsonb, p_progress jsonb,
  p_api_calls integer default 1)
returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  j private.connector_jobs;
  src public.analytics_source := (p_page ->> 'platform')::public.analytics_source;
  pf public.social_platform;
  acct uuid;
  measured timestamptz := coalesce((p_page ->> 'measured_at')::timestamptz, date_trunc('day', now() at time zone 'UTC') at time zone 'UTC');
  n integer := 0;
  k integer;
  p jsonb;
  post_id uuid;
begin
  if src is null or src not in ('instagram', 'tiktok') then
    raise exception 'p_page.platform must be instagram or tiktok' using errcode = '22023';
  end if;
  j := private.begin_analytics_page(p_job_id, p_lease_id, p_progress, src);
  pf := src::text::public.social_platform;
  if coalesce(p_page #>> '{account,external_id}', '') = '' then
    raise exception 'p_page.account.external_id is required' using errcode = '22023';
  end if;

  insert into public.social_accounts as a (workspace_id, connection_id, platform, external_account_id, username, display_name,
                                           followers, posts_count, last_synced_at)
  values (j.workspace_id, j.connection_id, pf, left(p_page #>> '{account,external_id}', 200),
          left(p_page #>> '{account,username}', 200), left(p_page #>> '{account,display_name}', 200),
          (p_page #>> '{account,followers}')::bigint, (p_page #>> '{account,posts_count}')::bigint, now())
  on conflict (workspace_id, platform, external_account_id) do update set
    connection_id = excluded.connection_id, username = coalesce(excluded.username, a.username),
    display_name = coalesce(excluded.display_name, a.display_name), followers = coalesce(excluded.followers, a.followers),
    posts_count = coalesce(excluded.posts_count, a.posts_count), last_synced_at = excluded.last_synced_at
  returning a.id into acct;

  insert into public.social_account_daily as d (workspace_id, social_account_id, day, followers, reach, impressions, views,
                                                profile_views, likes, comments, shares)
  select distinct on ((e ->> 'day')::date) j.workspace_id, acct, (e ->> 'day')::date, (e ->> 'followers')::bigint,
         (e ->> 'reach')::bigint, (e ->> 'impressions')::bigint, (e ->> 'views')::bigint, (e ->> 'profile_views')::bigint,
         (e ->> 'likes')::bigint, (e ->> 'comments')::bigint, (e ->> 'shares')::bigint
  from jsonb_array_elements(coalesce(p_page -> 'days', '[]')) e
  order by (e ->> 'day')::date
  on conflict (social_account_id, day) do update set
    followers = coalesce(excluded.followers, d.followers), reach = coalesce(excluded.reach, d.reach),
    impressions = coalesce(excluded.impressions, d.impressions), views = coalesce(excluded.views, d.views),
    profile_views = coalesce(excluded.profile_views, d.profile_views), likes = coalesce(excluded.likes, d.likes),
    comments = coalesce(excluded.comments, d.comments), shares = coalesce(excluded.shares, d.shares)
  where (d.followers, d.reach, d.impressions, d.views, d.profile_views, d.likes, d.comments, d.shares)
        is distinct from (coalesce(excluded.followers, d.followers), coalesce(excluded.reach, d.reach),
                          coalesce(excluded.impressions, d.impressions), coalesce(excluded.views, d.views),
                          coalesce(excluded.profile_views, d.profile_views), coalesce(excluded.likes, d.likes),
                          coalesce(excluded.comments, d.comments), coalesce(excluded.shares, d.shares));
  get diagnostics k = row_count;
  n := n + k;

  for p in select e from jsonb_array_elements(coalesce(p_page -> 'posts', '[]')) e
           where coalesce(e ->> 'external_id', '') <> '' and e ->> 'published_at' is not null
  loop
    -- a scheduled post waiting for this one takes its id when it goes out
    if not exists (select 1 from public.social_posts s where s.workspace_id = j.workspace_id and s.platform = pf
                   and s.external_post_id = p ->> 'external_id') then
      update public.social_posts s set external_post_id = left(p ->> 'external_id', 200), status = 'published',
        published_at = (p ->> 'published_at')::timestamptz, url = coalesce(left(p ->> 'url', 2000), s.url),
        caption = coalesce(left(p ->> 'caption', 10000), s.caption), social_account_id = acct,
        media_type = left(p ->> 'media_type', 40), last_synced_at = now()
      where s.id = (select w.id from public.social_posts w
                    where w.workspace_id = j.workspace_id and w.platform = pf and w.status = 'scheduled'
                      and w.external_post_id is null
                      and w.scheduled_at between (p ->> 'published_at')::timestamptz - interval '1 hour'
                                             and (p ->> 'published_at')::timestamptz + interval '24 hours'
                      and (private.caption_key(w.caption) is null or private.caption_key(p ->> 'caption') is null
                           or private.caption_key(w.caption) = private.caption_key(p ->> 'caption'))
                    order by abs(extract(epoch from w.scheduled_at - (p ->> 'published_at')::timestamptz)), w.id
                    limit 1
                    for update skip locked);
    end if;
    insert into public.social_posts as s (workspace_id, platform, external_post_id, url, caption, status, published_at,
                                          social_account_id, media_type, last_synced_at)
    values (j.workspace_id, pf, left(p ->> 'external_id', 200), left(p ->> 'url', 2000), left(p ->> 'caption', 10000),
            'published', (p ->> 'published_at')::timestamptz, acct, left(p ->> 'media_type', 40), now())
    on conflict (workspace_id, platform, external_post_id) do update set
      url = coalesce(excluded.url, s.url), caption = coalesce(excluded.caption, s.caption), status = 'published',
      published_at = excluded.published_at, social_account_id = excluded.social_account_id,
      media_type = coalesce(excluded.media_type, s.media_type), last_synced_at = excluded.last_synced_at
    returning s.id into post_id;
    if p -> 'metrics' is not null and jsonb_typeof(p -> 'metrics') = 'object' then
      insert into public.social_analytics as m (workspace_id, social_post_id, platform, measured_at, views, likes, comments,
                                                shares, saves, clicks, reach, impressions)
      values (j.workspace_id, post_id, pf, measured, coalesce((p #>> '{metrics,views}')::bigint, 0),
              coalesce((p #>> '{metrics,likes}')::bigint, 0), coalesce((p #>> '{metrics,comments}')::bigint, 0),
              coalesce((p #>> '{metrics,shares}')::bigint, 0), coalesce((p #>> '{metrics,saves}')::bigint, 0),
              coalesce((p #>> '{metrics,clicks}')::bigint, 0), (p #>> '{metrics,reach}')::bigint,
              (p #>> '{metrics,impressions}')::bigint)
      on conflict (social_post_id, measured_at) do update set
        views = excluded.views, likes = excluded.likes, comments = excluded.comments, shares = excluded.shares,
        saves = excluded.saves, clicks = excluded.clicks, reach = excluded.reach, impressions = excluded.impressions
      where (m.views, m.likes, m.comments, m.shares, m.saves, m.clicks, m.reach, m.impressions)
            is distinct from (excluded.views, excluded.likes, excluded.comments, excluded.shares, excluded.saves,
                              excluded.clicks, excluded.reach, excluded.impressions);
      get diagnostics k = row_count;
      n := n + k;
    end if;
    n := n + 1;
  end loop;
  perform private.count_analytics_page(j, p_api_calls, n);
  return n;
end $$;
comment on function private.apply_social_page(bigint, uuid, jsonb, jsonb, integer) is 'The analytics sync''s apply for Instagram and TikTok: under the job''s lease, writes one page {platform, account: {external_id, username, display_name, followers, posts_count}, days: [{day, followers, reach, impressions, views, profile_views, likes, comments, shares}], posts: [{external_id, url, caption, media_type, published_at, metrics: {views, likes, comments, shares, saves, clicks, reach, impressions}}], measured_at?} to the job''s workspace: the account, its days, each post (a scheduled post waiting for it takes its id first) and the post''s figures as measured today. Returns rows written.';

-- ===== what the social dashboard reads
create type public.social_overview_row as (
  platform public.social_platform,
  accounts integer,
  followers bigint,
  followers_change bigint,
  reach bigint,
  profile_views bigint,
  posts_published integer,
  post_views bigint,
  post_engagements bigint,
  post_reach bigint,
  engagement_rate numeric,
  scheduled_waiting integer
);
comment on type public.social_overview_row is 'One platform of social_overview. Never null: platform, accounts, posts_published, post_views, post_engagements, scheduled_waiting. NULL without data: followers (latest known), followers_change (over the range), reach and profile_views (sums of the accounts'' days), post_reach, engagement_rate (post engagements / post reach).';

create function private.social_overview(p_workspace_id uuid, p_from date, p_to date)
returns setof public.social_overview_row
language plpgsql stable security definer set search_path = '' as $$
declare
  t0 timestamptz := p_from::timestamp at time zone 'UTC';
  t1 timestamptz := (p_to + 1)::timestamp at time zone 'UTC';
begin
  perform private.check_date_range(p_workspace_id, p_from, p_to);
  return query
  with accts as (
    select a.platform, count(*)::int as n, sum(a.followers)::bigint as followers
    from public.social_accounts a where a.workspace_id = p_workspace_id group by a.platform
  ), days as (
    select a.platform,
           sum(d.reach)::bigint as reach, sum(d.profile_views)::bigint as profile_views,
           (sum(last.followers) - sum(first.followers))::bigint as change
    from public.social_accounts a
    left join lateral (select sum(x.reach) as reach, sum(x.profile_views) as profile_views from public.social_account_daily x
                       where x.social_account_id = a.id and x.workspace_id = a.workspace_id
                         and x.day between p_from and p_to) d on true
    left join lateral (select x.followers from public.social_account_daily x
                       where x.social_account_id = a.id and x.workspace_id = a.workspace_id
                         and x.day between p_from and p_to and x.followers is not null
                       order by x.day limit 1) first on true
    left join lateral (select x.followers from public.social_account_daily x
                       where x.social_account_id = a.id and x.workspace_id = a.workspace_id
                         and x.day between p_from and p_to and x.followers is not null
                       order by x.day desc limit 1) last on true
    where a.workspace_id = p_workspace_id
    group by a.platform
  ), posts as (
    select p.platform, count(*)::int as n, coalesce(sum(m.views), 0)::bigint as views,
           coalesce(sum(m.engagements), 0)::bigint as engagements, sum(m.reach)::bigint as reach
    from public.social_posts p
    left join lateral (select x.views, x.engagements, x.reach from public.social_analytics x
                       where x.workspace_id = p.workspace_id and x.social_post_id = p.id
                       order by x.measured_at desc limit 1) m on true
    where p.workspace_id = p_workspace_id and p.status = 'published' and p.published_at >= t0 and p.published_at < t1
    group by p.platform
  ), waiting as (
    select p.platform, count(*)::int as n from public.social_posts p
    where p.workspace_id = p_workspace_id and p.status = 'scheduled' and p.external_post_id is null
    group by p.platform
  ), platforms as (
    select platform from accts union select platform from posts union select platform from waiting
  )
  select pl.platform, coalesce(a.n, 0), a.followers, d.change, d.reach, d.profile_views, coalesce(ps.n, 0),
         coalesce(ps.views, 0), coalesce(ps.engagements, 0), ps.reach,
         round(ps.engagements::numeric / nullif(ps.reach, 0), 6), coalesce(w.n, 0)
  from platforms pl
  left join accts a on a.platform = pl.platform
  left join days d on d.platform = pl.platform
  left join posts ps on ps.platform = pl.platform
  left join waiting w on w.platform = pl.platform
  order by pl.platform;
end $$;
comment on function private.social_overview(uuid, date, date) is 'What public.social_overview returns, read as the owner after the viewer check.';

create function public.social_overview(p_workspace_id uuid, p_from date, p_to date)
returns setof public.social_overview_row
language sql stable set search_path = '' as $$
  select * from private.social_overview(p_workspace_id, p_from, p_to)
$$;
comment on function public.social_overview(uuid, date, date) is 'Viewers: the organic social dashboard, one row per platform: accounts and their followers (now, and the change over the range), reach and profile views by day, posts published in the range with their latest views, engagements, reach and engagement rate, and scheduled posts still waiting to go out. Reads what the Instagram and TikTok syncs wrote. 22023 bad range; 42501 not a member.';

-- ===== retention of account days (with the other social analytics)
create or replace function private.purge_analytics_data(p_now timestamptz default now()) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  total integer := 0;
  n integer;
  today date := (p_now at time zone 'UTC')::date;
begin
  delete from public.seo_audits a using public.workspaces w left join public.analytics_settings s on s.workspace_id = w.id
  where a.workspace_id = w.id and a.crawled_at < p_now - make_interval(days => coalesce(s.seo_retention_days, 365));
  get diagnostics n = row_count; total := total + n;
  delete from public.seo_page_audits a using public.workspaces w left join public.analytics_settings s on s.workspace_id = w.id
  where a.workspace_id = w.id and a.audited_on < today - coalesce(s.seo_retention_days, 365);
  get diagnostics n = row_count; total := total + n;
  delete from public.seo_rankings r using public.workspaces w left join public.analytics_settings s on s.workspace_id = w.id
  where r.workspace_id = w.id and r.tracked_on < today - coalesce(s.seo_retention_days, 365);
  get diagnostics n = row_count; total := total + n;
  delete from public.social_analytics a using public.workspaces w left join public.analytics_settings s on s.workspace_id = w.id
  where a.workspace_id = w.id and a.measured_at < p_now - make_interval(days => coalesce(s.social_retention_days, 365));
  get diagnostics n = row_count; total := total + n;
  delete from public.social_account_daily d using public.workspaces w left join public.analytics_settings s on s.workspace_id = w.id
  where d.workspace_id = w.id and d.day < today - coalesce(s.social_retention_days, 365);
  get diagnostics n = row_count; total := total + n;
  delete from public.ceo_briefings b using public.workspaces w left join public.analytics_settings s on s.workspace_id = w.id
  where b.workspace_id = w.id and b.period_end < today - coalesce(s.briefing_retention_days, 365);
  get diagnostics n = row_count; total := total + n;
  delete from public.user_analytics_events e using public.workspaces w left join public.analytics_settings s on s.workspace_id = w.id
  where e.workspace_id = w.id and e.occurred_at < p_now - make_interval(days => coalesce(s.events_retention_days, 395));
  get diagnostics n = row_count; total := total + n;
  -- Whole months past the longest events window (730 days) go at once.
  perform private.drop_monthly_partitions('public.user_analytics_events', p_now - interval '731 days');
  return total;
end $$;
comment on function private.purge_analytics_data(timestamp with time zone) is 'pg_cron job analytics-retention (daily): deletes SEO audits, page audits and rankings, social analytics and account days, CEO briefings and user events older than each workspace''s window (analytics_settings); drops event partitions past 731 days. Returns rows deleted.';

-- ===== grants
revoke all on function private.social_post_published() from public;
revoke all on function private.caption_key(text) from public;
revoke all on function private.apply_social_page(bigint, uuid, jsonb, jsonb, integer) from public;
revoke all on function private.social_overview(uuid, date, date) from public;
revoke all on function public.social_overview(uuid, date, date) from public;
grant execute on function private.apply_social_page(bigint, uuid, jsonb, jsonb, integer) to service_role;
grant execute on function private.social_overview(uuid, date, date), public.social_overview(uuid, date, date)
  to authenticated, service_role;
