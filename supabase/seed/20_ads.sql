-- Demo ads: Meta, Google and TikTok accounts with their campaigns, ad groups and ads, and 120 days
-- of campaign-level and ad-level daily metrics with weekly seasonality (Meta and TikTok stronger
-- at weekends, Google search on weekdays). The UTMs match the demo orders' landing pages, and
-- platform-reported revenue is a share of the orders those campaigns brought. Deterministic.
insert into public.ad_accounts (id, workspace_id, platform, external_account_id, name, currency, timezone) values
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'meta', 'act_1029384756', 'Demo Brand - Meta', 'USD', 'America/New_York'),
  ('30000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'google', '123-456-7890', 'Demo Brand - Google Ads', 'USD', 'America/New_York'),
  ('30000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', 'tiktok', '7012345678901234567', 'Demo Brand - TikTok', 'USD', 'America/New_York')
on conflict do nothing;

insert into public.ad_campaigns (id, workspace_id, ad_account_id, platform, external_id, name, objective, status,
                                 daily_budget_cents, bid_strategy, target_roas, start_date, utm_source, utm_medium, utm_campaign)
values
  ('31000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001', 'meta', '120210000000001',
   'Prospecting - Whipped Tallow Balm', 'OUTCOME_SALES', 'active', 25000, 'LOWEST_COST_WITHOUT_CAP', 2.50, current_date - 150, 'facebook', 'paid_social', 'meta-prospecting-balm'),
  ('31000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001', 'meta', '120210000000002',
   'Retargeting - Cart Abandoners', 'OUTCOME_SALES', 'active', 8000, 'COST_CAP', 4.00, current_date - 150, 'facebook', 'paid_social', 'meta-retargeting'),
  ('31000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000002', 'google', '19876543210',
   'Brand Search', 'SEARCH', 'active', 5000, 'TARGET_IMPRESSION_SHARE', 6.00, current_date - 200, 'google', 'cpc', 'google-brand-search'),
  ('31000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000002', 'google', '19876543211',
   'Shopping - All Products', 'SHOPPING', 'active', 15000, 'TARGET_ROAS', 3.00, current_date - 200, 'google', 'cpc', 'google-shopping'),
  ('31000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000003', 'tiktok', '1780000000000001',
   'UGC Spark Ads - Lip Balm', 'CONVERSIONS', 'active', 10000, 'LOWEST_COST', 2.00, current_date - 90, 'tiktok', 'paid_social', 'tiktok-ugc-spark'),
  ('31000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001', 'meta', '120210000000003',
   'Holiday Gift Set Test', 'OUTCOME_SALES', 'paused', 6000, 'LOWEST_COST_WITHOUT_CAP', 2.50, current_date - 60, 'facebook', 'paid_social', 'meta-gift-set')
on conflict do nothing;

-- Two ad groups per campaign, two ads per ad group.
insert into public.ad_groups (id, workspace_id, campaign_id, platform, external_id, name, targeting)
select ('32000000-0000-4000-8000-0000000000' || c.n || g)::uuid, c.workspace_id, c.id, c.platform, c.external_id || '-g' || g,
       c.name || case g when 1 then ' / Broad' else ' / Lookalike 1%' end,
       jsonb_build_object('age_min', 25, 'age_max', 54, 'geo', jsonb_build_array('US'))
from (select *, right(id::text, 1) as n from public.ad_campaigns where workspace_id = '10000000-0000-4000-8000-000000000001') c,
     generate_series(1, 2) g
on conflict do nothing;

insert into public.ads (id, workspace_id, ad_group_id, platform, external_id, name, creative)
select ('33000000-0000-4000-8000-000000000' || right(g.id::text, 2) || a)::uuid, g.workspace_id, g.id, g.platform,
       g.external_id || '-a' || a, case a when 1 then 'Video - Before/After' else 'Static - Ingredient Close-up' end,
       jsonb_build_object('headline', case a when 1 then 'Your skin on grass-fed tallow' else 'Four ingredients. Zero fillers.' end,
                          'link', 'https://demo-brand.example/products/whipped-tallow-balm')
from public.ad_groups g, generate_series(1, 2) a
where g.workspace_id = '10000000-0000-4000-8000-000000000001'
on conflict do nothing;

-- Campaign-level days. Spend follows weekday seasonality x a slow trend x bounded pseudo-noise;
-- impressions from the CPM, clicks from the CTR, revenue from the campaign's typical ROAS (with
-- its own noise), conversions = revenue / average order value.
with params (n, base_spend_cents, weekend_lift, cpm_cents, ctr, roas, aov_cents) as (values
  (1, 21000, 1.25, 1150, 0.0140, 2.2, 4900),
  (2,  7000, 1.15, 1800, 0.0210, 4.5, 5200),
  (3,  4200, 0.80,  900, 0.0820, 7.0, 4600),
  (4, 13000, 0.95,  700, 0.0110, 3.2, 5800),
  (5,  8600, 1.30,  600, 0.0090, 1.6, 3300),
  (6,  5200, 1.10, 1300, 0.0120, 1.2, 6900)
), days as (
  select c.id as campaign_id, c.ad_account_id, c.platform, c.status, p.*, day_no, current_date - 120 + day_no as day,
         (1 + day_no / 400.0)
         * case when extract(isodow from current_date - 120 + day_no) in (6, 7) then p.weekend_lift else 1 end
         * (0.85 + ((day_no * 7919 + p.n * 104729) % 31) / 100.0) as factor,
         0.80 + ((day_no * 6007 + p.n * 7) % 41) / 100.0 as roas_noise
  from public.ad_campaigns c
  join params p on p.n = right(c.id::text, 1)::int
  cross join generate_series(0, 119) day_no
  where c.workspace_id = '10000000-0000-4000-8000-000000000001'
), m as (
  select d.*,
         case when d.status = 'paused' and d.day_no > 100 then 0 else round(d.base_spend_cents * d.factor)::bigint end as spend
  from days d
), r as (
  select m.*, round(m.spend * m.roas * m.roas_noise)::bigint as revenue from m
)
insert into public.ad_metrics_daily (workspace_id, platform, level, object_id, ad_account_id, campaign_id, day, currency,
                                     spend_cents, impressions, clicks, conversions, revenue_cents)
select '10000000-0000-4000-8000-000000000001', r.platform, 'campaign', r.campaign_id, r.ad_account_id, r.campaign_id, r.day, 'USD',
       r.spend, round(r.spend * 1000.0 / r.cpm_cents)::bigint, round(r.spend * 1000.0 / r.cpm_cents * r.ctr)::bigint,
       round(r.revenue::numeric / r.aov_cents, 2), r.revenue
from r
on conflict (workspace_id, object_id, day) do nothing;

-- Ad-level days: each campaign's day split over its four ads (40/30/20/10), summing to it.
insert into public.ad_metrics_daily (workspace_id, platform, level, object_id, ad_account_id, campaign_id, ad_group_id, ad_id, day,
                                     currency, spend_cents, impressions, clicks, conversions, revenue_cents)
select c.workspace_id, c.platform, 'ad', a.id, c.ad_account_id, c.campaign_id, g.id, a.id, c.day, c.currency,
       -- the 10% ad takes what integer division leaves, so the four ads sum to the campaign exactly
       case when s.share = 10 then c.spend_cents - (c.spend_cents * 40 / 100 + c.spend_cents * 30 / 100 + c.spend_cents * 20 / 100)
            else c.spend_cents * s.share / 100 end,
       case when s.share = 10 then c.impressions - (c.impressions * 40 / 100 + c.impressions * 30 / 100 + c.impressions * 20 / 100)
            else c.impressions * s.share / 100 end,
       case when s.share = 10 then c.clicks - (c.clicks * 40 / 100 + c.clicks * 30 / 100 + c.clicks * 20 / 100)
            else c.clicks * s.share / 100 end,
       case when s.share = 10 then c.conversions - (round(c.conversions * 0.4, 2) + round(c.conversions * 0.3, 2) + round(c.conversions * 0.2, 2))
            else round(c.conversions * s.share / 100, 2) end,
       case when s.share = 10 then c.revenue_cents - (c.revenue_cents * 40 / 100 + c.revenue_cents * 30 / 100 + c.revenue_cents * 20 / 100)
            else c.revenue_cents * s.share / 100 end
from public.ad_metrics_daily c
join public.ad_groups g on g.workspace_id = c.workspace_id and g.campaign_id = c.campaign_id
join public.ads a on a.workspace_id = g.workspace_id and a.ad_group_id = g.id
cross join lateral (select case right(g.id::text, 1) || right(a.id::text, 1) when '11' then 40 when '12' then 30 when '21' then 20 else 10 end as share) s
where c.workspace_id = '10000000-0000-4000-8000-000000000001' and c.level = 'campaign'
on conflict (workspace_id, object_id, day) do nothing;

select private.rebuild_ad_rollup();
