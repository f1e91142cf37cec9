CREATE OR REPLACE FUNCTION private.apply_social_page(p_job_id bigint, p_lease_id uuid, p_page jsonb, p_progress jsonb, p_api_calls integer DEFAULT 1)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.apply_social_page(bigint,uuid,jsonb,jsonb,integer) is 'The analytics sync''s apply for Instagram and TikTok: under the job''s lease, writes one page {platform, account: {external_id, username, display_name, followers, posts_count}, days: [{day, followers, reach, impressions, views, profile_views, likes, comments, shares}], posts: [{external_id, url, caption, media_type, published_at, metrics: {views, likes, comments, shares, saves, clicks, reach, impressions}}], measured_at?} to the job''s workspace: the account, its days, each post (a scheduled post waiting for it takes its id first) and the post''s figures as measured today. Returns rows written.';
grant execute on function private.apply_social_page(bigint,uuid,jsonb,jsonb,integer) to service_role;
