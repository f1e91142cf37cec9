CREATE OR REPLACE FUNCTION private.apply_ad_sync_page(p_job_id bigint, p_lease_id uuid, p_page jsonb, p_progress jsonb, p_api_calls integer DEFAULT 1)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  j private.connector_jobs;
  acct public.ad_accounts;
  pf public.ad_platform;
  w_from date;
  w_to date;
  synced timestamptz;
  cur char(3);
  ex integer;
  rejected jsonb := '[]'::jsonb;
  applied integer := 0;
  unchanged integer := 0;
  n integer;
  bad integer;
  page_rows private.ad_metric_row[];
  unresolved record;
  tz text;
  stored boolean;
  ms private.ad_sync_metric[];
  major numeric;
  micros numeric;
  derive text;
begin
  if jsonb_typeof(p_page) is distinct from 'object' then
    raise exception 'p_page must be a JSON object' using errcode = '22023';
  end if;
  j := private.touch_connector_job(p_job_id, p_lease_id, p_progress);
  if j.queue <> 'ads_sync' then
    raise exception 'job % is not an ads sync job', p_job_id using errcode = '22023';
  end if;
  perform private.require_batch_size('metric rows', jsonb_array_length(coalesce(p_page -> 'metrics', '[]')), 5000);
  perform private.require_batch_size('objects', jsonb_array_length(coalesce(p_page -> 'campaigns', '[]'))
    + jsonb_array_length(coalesce(p_page -> 'ad_groups', '[]')) + jsonb_array_length(coalesce(p_page -> 'ads', '[]')), 5000);
  pf := (j.payload ->> 'platform')::public.ad_platform;
  w_from := (j.payload ->> 'from')::date;
  w_to := (j.payload ->> 'to')::date;
  synced := coalesce(case when private.is_timestamptz(p_page ->> 'fetched_at') then (p_page ->> 'fetched_at')::timestamptz end, now());
  select * into acct from public.ad_accounts a
  where a.workspace_id = j.workspace_id and a.integration_connection_id = j.connection_id and a.platform = pf;
  if not found then
    raise exception 'the job''s connection has no % ad account', pf using errcode = 'PT404';
  end if;

  -- the account
  if jsonb_typeof(p_page -> 'account') = 'object' then
    if private.currency_exponent(p_page #>> '{account,currency}') is null then
      rejected := rejected || jsonb_build_object('kind', 'account', 'index', 0, 'external_id', acct.external_account_id,
        'reason', format('currency: %s is not an ISO 4217 currency', coalesce(p_page #>> '{account,currency}', 'none')));
    else
      -- the time zone is looked up (a read of the zone database, ~25 ms) only when it changes
      tz := nullif(p_page #>> '{account,timezone}', acct.timezone);
      if tz is not null then
        tz := (select z.name from pg_catalog.pg_timezone_names z where z.name = tz);
      end if;
      update public.ad_accounts a set
        currency = upper(p_page #>> '{account,currency}'),
        name = coalesce(left(nullif(btrim(p_page #>> '{account,name}'), ''), 200), a.name),
        timezone = coalesce(tz, a.timezone)
      where a.id = acct.id
        and (a.currency, a.name, a.timezone) is distinct from (upper(p_page #>> '{account,currency}'),
             coalesce(left(nullif(btrim(p_page #>> '{account,name}'), ''), 200), a.name), coalesce(tz, a.timezone))
      returning a.* into acct;
      get diagnostics n = row_count;
      applied := applied + n;
      if n = 0 then
        select * into acct from public.ad_accounts a where a.id = acct.id;
      end if;
    end if;
  end if;
  cur := acct.currency;
  ex := private.currency_exponent(cur);
  major := power(10::numeric, ex);
  micros := power(10::numeric, 6 - ex);

  if (p_page #>> '{settings,restatement_days}') ~ '^\d{1,2}$' then
    update public.ad_sync_schedules set restatement_days = least(greatest((p_page #>> '{settings,restatement_days}')::integer, 1), 90)
    where connection_id = j.connection_id
      and restatement_days <> least(greatest((p_page #>> '{settings,restatement_days}')::integer, 1), 90);
  end if;

  -- campaigns
  with input as (
    select e.ordinality - 1 as idx, e.value as o, private.ad_object_problem(e.value, 'campaign') as problem
    from jsonb_array_elements(coalesce(p_page -> 'campaigns', '[]')) with ordinality e
  ), bad as (
    select coalesce(jsonb_agg(jsonb_build_object('kind', 'campaign', 'index', i.idx, 'external_id', i.o ->> 'external_id',
      'reason', i.problem) order by i.idx), '[]') as list
    from input i where i.problem is not null
  ), up as (
    insert into public.ad_campaigns as c (workspace_id, ad_account_id, platform, external_id, name, objective, status,
      daily_budget_cents, total_budget_cents, bid_strategy, start_date, end_date, last_synced_at)
    select distinct on (i.o ->> 'external_id') j.workspace_id, acct.id, pf, i.o ->> 'external_id', left(btrim(i.o ->> 'name'), 500),
      left(i.o ->> 'objective', 64), (i.o ->> 'status')::public.ad_status,
      coalesce(private.minor_units(i.o -> 'daily_budget', 'major', ex), private.minor_units(i.o -> 'daily_budget_minor', 'minor', ex),
               private.minor_units(i.o -> 'daily_budget_micros', 'micros', ex)),
      coalesce(private.minor_units(i.o -> 'lifetime_budget', 'major', ex), private.minor_units(i.o -> 'lifetime_budget_minor', 'minor', ex),
               private.minor_units(i.o -> 'lifetime_budget_micros', 'micros', ex)),
      left(i.o ->> 'bid_strategy', 64),
      case when private.is_timestamptz(i.o ->> 'start_date') then (i.o ->> 'start_date')::date end,
      case when private.is_timestamptz(i.o ->> 'end_date') and (i.o ->> 'end_date')::date >= coalesce(
        case when private.is_timestamptz(i.o ->> 'start_date') then (i.o ->> 'start_date')::date end, '-infinity') then (i.o ->> 'end_date')::date end,
      synced
    from input i where i.problem is null
    order by i.o ->> 'external_id', i.idx desc
    on conflict (workspace_id, platform, external_id) do update set
      ad_account_id = excluded.ad_account_id, name = excluded.name, objective = excluded.objective, status = excluded.status,
      daily_budget_cents = excluded.daily_budget_cents, total_budget_cents = excluded.total_budget_cents,
      bid_strategy = excluded.bid_strategy, start_date = excluded.start_date, end_date = excluded.end_date,
      last_synced_at = excluded.last_synced_at
    where (c.last_synced_at is null or c.last_synced_at <= excluded.last_synced_at)
      and (c.ad_account_id, c.name, c.objective, c.status, c.daily_budget_cents, c.total_budget_cents, c.bid_strategy,
           c.start_date, c.end_date) is distinct from
          (excluded.ad_account_id, excluded.name, excluded.objective, excluded.status, excluded.daily_budget_cents,
           excluded.total_budget_cents, excluded.bid_strategy, excluded.start_date, excluded.end_date)
    returning 1
  )
  select rejected || bad.list, (select count(*) from up), jsonb_array_length(bad.list) into rejected, n, bad from bad;
  applied := applied + n;
  unchanged := unchanged + jsonb_array_length(coalesce(p_page -> 'campaigns', '[]')) - n - bad;

  -- ad groups (their campaign: in this workspace, on this platform)
  with input as (
    select e.ordinality - 1 as idx, e.value as o, private.ad_object_problem(e.value, 'ad_group') as problem
    from jsonb_array_elements(coalesce(p_page -> 'ad_groups', '[]')) with ordinality e
  ), resolved as (
    select i.idx, i.o, coalesce(i.problem, case when c.id is null
      then format('campaign_external_id: no campaign %s in this account', i.o ->> 'campaign_external_id') end) as problem, c.id as campaign_id
    from input i
    left join public.ad_campaigns c on c.workspace_id = j.workspace_id and c.platform = pf
      and c.external_id = i.o ->> 'campaign_external_id'
  ), bad as (
    select coalesce(jsonb_agg(jsonb_build_object('kind', 'ad_group', 'index', r.idx, 'external_id', r.o ->> 'external_id',
      'reason', r.problem) order by r.idx), '[]') as list
    from resolved r where r.problem is not null
  ), up as (
    insert into public.ad_groups as g (workspace_id, campaign_id, platform, external_id, name, status, daily_budget_cents,
      cpc_bid_micros, last_synced_at)
    select distinct on (r.o ->> 'external_id') j.workspace_id, r.campaign_id, pf, r.o ->> 'external_id', left(btrim(r.o ->> 'name'), 500),
      (r.o ->> 'status')::public.ad_status,
      coalesce(private.minor_units(r.o -> 'daily_budget', 'major', ex), private.minor_units(r.o -> 'daily_budget_minor', 'minor', ex),
               private.minor_units(r.o -> 'daily_budget_micros', 'micros', ex)),
      private.minor_units(r.o -> 'cpc_bid_micros', 'minor', ex), synced
    from resolved r where r.problem is null
    order by r.o ->> 'external_id', r.idx desc
    on conflict (workspace_id, platform, external_id) do update set
      campaign_id = excluded.campaign_id, name = excluded.name, status = excluded.status,
      daily_budget_cents = excluded.daily_budget_cents, cpc_bid_micros = excluded.cpc_bid_micros, last_synced_at = excluded.last_synced_at
    where (g.last_synced_at is null or g.last_synced_at <= excluded.last_synced_at)
      and (g.campaign_id, g.name, g.status, g.daily_budget_cents, g.cpc_bid_micros) is distinct from
          (excluded.campaign_id, excluded.name, excluded.status, excluded.daily_budget_cents, excluded.cpc_bid_micros)
    returning 1
  )
  select rejected || bad.list, (select count(*) from up), jsonb_array_length(bad.list) into rejected, n, bad from bad;
  applied := applied + n;
  unchanged := unchanged + jsonb_array_length(coalesce(p_page -> 'ad_groups', '[]')) - n - bad;

  -- ads (their ad group: in this workspace, on this platform)
  with input as (
    select e.ordinality - 1 as idx, e.value as o, private.ad_object_problem(e.value, 'ad') as problem
    from jsonb_array_elements(coalesce(p_page -> 'ads', '[]')) with ordinality e
  ), resolved as (
    select i.idx, i.o, coalesce(i.problem, case when g.id is null
      then format('ad_group_external_id: no ad group %s in this account', i.o ->> 'ad_group_external_id') end) as problem, g.id as ad_group_id
    from input i
    left join public.ad_groups g on g.workspace_id = j.workspace_id and g.platform = pf
      and g.external_id = i.o ->> 'ad_group_external_id'
  ), bad as (
    select coalesce(jsonb_agg(jsonb_build_object('kind', 'ad', 'index', r.idx, 'external_id', r.o ->> 'external_id',
      'reason', r.problem) order by r.idx), '[]') as list
    from resolved r where r.problem is not null
  ), up as (
    insert into public.ads as a (workspace_id, ad_group_id, platform, external_id, name, status, creative_id, last_synced_at)
    select distinct on (r.o ->> 'external_id') j.workspace_id, r.ad_group_id, pf, r.o ->> 'external_id', left(btrim(r.o ->> 'name'), 500),
      (r.o ->> 'status')::public.ad_status, left(r.o ->> 'creative_id', 64), synced
    from resolved r where r.problem is null
    order by r.o ->> 'external_id', r.idx desc
    on conflict (workspace_id, platform, external_id) do update set
      ad_group_id = excluded.ad_group_id, name = excluded.name, status = excluded.status, creative_id = excluded.creative_id,
      last_synced_at = excluded.last_synced_at
    where (a.last_synced_at is null or a.last_synced_at <= excluded.last_synced_at)
      and (a.ad_group_id, a.name, a.status, a.creative_id) is distinct from
          (excluded.ad_group_id, excluded.name, excluded.status, excluded.creative_id)
    returning 1
  )
  select rejected || bad.list, (select count(*) from up), jsonb_array_length(bad.list) into rejected, n, bad from bad;
  applied := applied + n;
  unchanged := unchanged + jsonb_array_length(coalesce(p_page -> 'ads', '[]')) - n - bad;

  -- daily rows: checked one by one (a second row for the same object and day is a duplicate),
  -- converted to minor units with the account's exponent
  if jsonb_array_length(coalesce(p_page -> 'metrics', '[]')) > 0 then
    select coalesce(array_agg(row(c.idx, c.level, c.ext, c.name, c.ad_group_ext, c.ad_group_name, c.campaign_ext, c.campaign_name,
             case when c.problem is null then (c.r ->> 'day')::date end,
             case when c.problem is null then coalesce(round((c.r ->> 'spend')::numeric * major),
                                                       round((c.r ->> 'spend_micros')::numeric / micros), 0)::bigint end,
             case when c.problem is null then coalesce((c.r ->> 'impressions')::bigint, 0) end,
             case when c.problem is null then coalesce((c.r ->> 'clicks')::bigint, 0) end,
             case when c.problem is null then round(coalesce((c.r ->> 'conversions')::numeric, 0), 4) end,
             case when c.problem is null then coalesce(round((c.r ->> 'revenue')::numeric * major),
                                                       round((c.r ->> 'revenue_micros')::numeric / micros), 0)::bigint end,
             coalesce(c.problem, case when c.nth > 1 then 'row: the same object and day appear more than once in the page' end)
           )::private.ad_sync_metric order by c.idx), '{}')
    into ms
    from (
      select b.*, row_number() over (partition by b.problem is null, b.level, b.ext, b.r ->> 'day' order by b.idx) as nth
      from (select (e.ordinality - 1)::integer as idx, e.value as r, e.value ->> 'level' as level, e.value ->> 'external_id' as ext,
                   nullif(btrim(e.value ->> 'name'), '') as name, e.value ->> 'ad_group_external_id' as ad_group_ext,
                   nullif(btrim(e.value ->> 'ad_group_name'), '') as ad_group_name, e.value ->> 'campaign_external_id' as campaign_ext,
                   nullif(btrim(e.value ->> 'campaign_name'), '') as campaign_name,
                   -- a row plainly fine (the usual one) is not checked field by field: this test only
                   -- passes rows private.ad_metric_problem passes too, and every other row gets its reason
                   case when jsonb_typeof(e.value) = 'object'
                          and e.value ->> 'level' in ('ad', 'ad_group')
                          and e.value ->> 'external_id' ~ '^\S.{0,63}$' and e.value ->> 'campaign_external_id' ~ '^\S.{0,63}$'
                          and coalesce(e.value ->> 'ad_group_external_id' ~ '^\S.{0,63}$', e.value ->> 'level' = 'ad_group')
                          and e.value ->> 'day' ~ '^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$'
                          and (e.value ->> 'day')::date between w_from and w_to
                          and coalesce(upper(e.value ->> 'currency') = cur, true)
                          and (e.value ? 'spend' or e.value ? 'spend_micros')
                          and coalesce(e.value ->> 'spend', '0') ~ '^\d{1,15}(\.\d{1,12})?$'
                          and coalesce(e.value ->> 'revenue', '0') ~ '^\d{1,15}(\.\d{1,12})?$'
                          and coalesce(e.value ->> 'spend_micros', '0') ~ '^\d{1,21}$'
                          and coalesce(e.value ->> 'revenue_micros', '0') ~ '^\d{1,21}$'
                          and coalesce(e.value ->> 'impressions', '0') ~ '^\d{1,15}$' and coalesce(e.value ->> 'clicks', '0') ~ '^\d{1,15}$'
                          and coalesce(e.value ->> 'clicks', '0')::bigint <= coalesce(e.value ->> 'impressions', '0')::bigint
                          and coalesce(e.value ->> 'conversions', '0') ~ '^\d{1,14}(\.\d+)?$'
                        then null else private.ad_metric_problem(e.value, w_from, w_to, cur) end as problem
            from jsonb_array_elements(p_page -> 'metrics') with ordinality e offset 0) b
    ) c;

    -- objects only the report knows about (not in a listing yet): made archived, named as the report names them
    -- (offset 0 keeps each "not exists" a probe by unique key; as an anti join it was planned as a
    -- pass over the workspace's ads for every ad of the page)
    insert into public.ad_campaigns (workspace_id, ad_account_id, platform, external_id, name, status)
    select j.workspace_id, acct.id, pf, k.campaign_ext, left(coalesce(k.campaign_name, 'Campaign ' || k.campaign_ext), 500), 'archived'
    from (select distinct on (m.campaign_ext) m.campaign_ext, m.campaign_name from unnest(ms) m
          where m.problem is null order by m.campaign_ext, m.idx desc) k
    where not exists (select 1 from public.ad_campaigns c where c.workspace_id = j.workspace_id and c.platform = pf
                        and c.external_id = k.campaign_ext offset 0);
    get diagnostics n = row_count;
    applied := applied + n;
    insert into public.ad_groups (workspace_id, campaign_id, platform, external_id, name, status)
    select j.workspace_id, c.id, pf, k.ext, left(coalesce(k.nm, 'Ad group ' || k.ext), 500), 'archived'
    from (select k0.* from (select distinct on (1) case when m.level = 'ad_group' then m.ext else m.ad_group_ext end as ext,
                                   case when m.level = 'ad_group' then m.name else m.ad_group_name end as nm, m.campaign_ext
                            from unnest(ms) m where m.problem is null order by 1, m.idx desc) k0
          where not exists (select 1 from public.ad_groups g where g.workspace_id = j.workspace_id and g.platform = pf
                              and g.external_id = k0.ext offset 0)
          offset 0) k  -- the few missing ones only, then their campaigns
    join public.ad_campaigns c on c.workspace_id = j.workspace_id and c.platform = pf and c.external_id = k.campaign_ext;
    get diagnostics n = row_count;
    applied := applied + n;
    insert into public.ads (workspace_id, ad_group_id, platform, external_id, name, status)
    select j.workspace_id, g.id, pf, k.ext, left(coalesce(k.name, 'Ad ' || k.ext), 500), 'archived'
    from (select k0.* from (select distinct on (m.ext) m.ext, m.name, m.ad_group_ext from unnest(ms) m
                            where m.problem is null and m.level = 'ad' order by m.ext, m.idx desc) k0
          where not exists (select 1 from public.ads a where a.workspace_id = j.workspace_id and a.platform = pf
                              and a.external_id = k0.ext offset 0)
          offset 0) k  -- the few missing ones only, then their ad groups
    join public.ad_groups g on g.workspace_id = j.workspace_id and g.platform = pf and g.external_id = k.ad_group_ext;
    get diagnostics n = row_count;
    applied := applied + n;

    -- only the rows the platform changed are written, resolved here (the objects exist: the page's
    -- listings and the inserts above made them) and handed to the ads domain's writer
    -- rows of the account stored for the page's days? (a backfill's pages find none and need no comparison)
    select exists (select 1 from public.ad_metrics_daily d
                   where d.workspace_id = j.workspace_id and d.ad_account_id = acct.id
                     and d.day between (select min(m.day) from unnest(ms) m) and (select max(m.day) from unnest(ms) m))
    into stored;
    with v as (
      select m.*, r.object_id, r.ad_group_id, r.campaign_id, r.ad_account_id, r.ad_id,
             d.day is not null and (d.spend_cents, d.impressions, d.clicks, d.conversions, d.revenue_cents, d.currency)
             is not distinct from (m.spend, m.impressions, m.clicks, m.conversions, m.revenue, cur) as same
      from unnest(ms) m
      -- the row's object and its parents, by unique key and primary keys: a few index probes a
      -- row (a join of the page with its objects was planned as a nested loop over both, the
      -- planner taking the page for one row: a million comparisons for a page of 1,000 ads)
      left join lateral (
        select a.id as object_id, a.ad_group_id, g.campaign_id, c.ad_account_id, a.id as ad_id
        from public.ads a
        join public.ad_groups g on g.id = a.ad_group_id
        join public.ad_campaigns c on c.id = g.campaign_id
        where m.level = 'ad' and a.workspace_id = j.workspace_id and a.platform = pf and a.external_id = m.ext
        union all
        select g.id, g.id, g.campaign_id, c.ad_account_id, null
        from public.ad_groups g
        join public.ad_campaigns c on c.id = g.campaign_id
        where m.level = 'ad_group' and g.workspace_id = j.workspace_id and g.platform = pf and g.external_id = m.ext
        limit 1) r on true
      left join lateral (select d.* from public.ad_metrics_daily d
                         where stored and d.workspace_id = j.workspace_id and d.object_id = r.object_id and d.day = m.day
                         limit 1) d on true
      where m.problem is null
    )
    select coalesce(array_agg(row(v.idx, null, pf, v.level::public.ad_level, v.object_id, v.ad_account_id, v.campaign_id,
             v.ad_group_id, v.ad_id, v.day, cur, v.spend, v.impressions, v.clicks, v.conversions, v.revenue)::private.ad_metric_row
             order by v.idx) filter (where not v.same), '{}'),
           count(*) filter (where v.same)
    into page_rows, n from v;
    select r.idx, r.level into unresolved from unnest(page_rows) r where r.object_id is null order by r.idx limit 1;
    if found then
      raise exception 'metrics[%]: no % % in this account', unresolved.idx, unresolved.level, p_page #>> array['metrics', unresolved.idx::text, 'external_id']
        using errcode = '22023';
    end if;
    unchanged := unchanged + n;
    select w.inserted + w.updated into n from private.write_ad_metric_rows(j.workspace_id, page_rows) w;
    applied := applied + n;

    select rejected || coalesce(jsonb_agg(jsonb_build_object('kind', 'metric', 'index', m.idx, 'external_id', m.ext,
             'day', p_page #>> array['metrics', m.idx::text, 'day'], 'reason', m.problem) order by m.idx), '[]')
    into rejected from unnest(ms) m where m.problem is not null;
  end if;

  -- the window's last page: ad group and campaign rows of its days, summed from the rows below them
  derive := p_page #>> '{metrics_complete,derive_from}';
  if derive in ('ad', 'ad_group') then
    applied := applied + private.derive_ad_sync_levels(j.workspace_id, acct.id, pf, w_from, w_to, derive, cur);
  end if;
  if (p_page ->> 'structure_complete')::boolean is true then
    update public.ad_sync_schedules set structure_synced_at = synced where connection_id = j.connection_id;
  end if;

  update public.ad_sync_runs r set pages = r.pages + 1, api_calls = r.api_calls + greatest(coalesce(p_api_calls, 0), 0),
    rows_applied = r.rows_applied + applied, rows_unchanged = r.rows_unchanged + greatest(unchanged, 0),
    rows_rejected = r.rows_rejected + jsonb_array_length(rejected),
    rejections = case when jsonb_array_length(r.rejections) >= 100 then r.rejections
                      else (select coalesce(jsonb_agg(x), '[]') from (
                              select x from jsonb_array_elements(r.rejections || rejected) x limit 100) y) end
  where r.job_id = p_job_id;
  return jsonb_build_object('applied', applied, 'unchanged', greatest(unchanged, 0), 'rejected', jsonb_array_length(rejected));
end $function$;
comment on function private.apply_ad_sync_page(bigint,uuid,jsonb,jsonb,integer) is 'The ads-sync worker''s one write per page, in one transaction under the job''s lease (PT409 when lost, nothing kept): the account, then campaigns, ad groups and ads (changed ones only, never older than what is stored), then the daily rows, checked here and resolved to their objects, through private.write_ad_metric_rows (changed ones only), each bad row rejected with its reason; the last page of a window derives the ad group and campaign rows. Everything goes to the job''s workspace. Counts go to the run; returns {applied, unchanged, rejected}.';
grant execute on function private.apply_ad_sync_page(bigint,uuid,jsonb,jsonb,integer) to service_role;
