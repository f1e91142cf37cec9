-- Every rollup and counter kept by triggers or incremental rounds equals a full recomputation
-- from its source rows after inserts, updates, deletes and late rows. One block per rollup: edit
-- the sources (the demo seed plus rows made here), then count the rows where the kept value and
-- the recomputation (written here from the rollup's documented definition) differ.
-- The experiment rollups (experiment_daily_metrics, the sufficient statistics) are in 140.
begin;
set search_path = extensions, public;
select plan(20);

select tests.two_workspaces();
create temp table demo on commit drop as select '10000000-0000-4000-8000-000000000001'::uuid as ws;

-- ===== ads: ad_metrics_rollup_daily (incremental refresh vs rebuild)
update public.ad_metrics_daily set spend_cents = spend_cents + 1234, impressions = impressions + 300
where level = 'campaign' and day = (select max(day) from public.ad_metrics_daily) - 2;
delete from public.ad_metrics_daily where level = 'campaign' and id in (
  select id from public.ad_metrics_daily where level = 'campaign' order by id limit 7);
insert into public.ad_metrics_daily (workspace_id, platform, level, object_id, ad_account_id, campaign_id, day, currency,
                                     spend_cents, impressions, clicks, conversions, revenue_cents)
select m.workspace_id, m.platform, 'campaign', m.object_id, m.ad_account_id, m.campaign_id, m.day - 400, m.currency,
       m.spend_cents, m.impressions, m.clicks, m.conversions, m.revenue_cents
from (select distinct on (object_id) * from public.ad_metrics_daily where level = 'campaign' order by object_id, day) m limit 5;
update public.ad_metrics_daily set day = day + 1
where id = (select id from public.ad_metrics_daily where level = 'campaign' order by day desc, id desc limit 1);
select ok((select count(*) > 0 from private.ad_rollup_dirty), 'the edits queued days for the ads rollup');
select private.refresh_ad_rollup();
create temp table ads_inc on commit drop as
  select workspace_id, platform, day, spend_cents, impressions, clicks, conversions, revenue_cents, campaigns from public.ad_metrics_rollup_daily;
select private.rebuild_ad_rollup();
select is((select count(*)::int from ((select * from ads_inc except select workspace_id, platform, day, spend_cents, impressions, clicks,
             conversions, revenue_cents, campaigns from public.ad_metrics_rollup_daily)
           union all (select workspace_id, platform, day, spend_cents, impressions, clicks, conversions, revenue_cents, campaigns
             from public.ad_metrics_rollup_daily except select * from ads_inc)) d), 0,
  'ad_metrics_rollup_daily after updates, deletes, late rows and a moved day: incremental = rebuild');

-- ===== ads: the campaigns' running totals (maintained on every write, read by the campaign dashboard)
update public.ad_metrics_daily m set campaign_id = x.id, object_id = x.id, day = x.next_day
from (select c.id, (select max(d.day) + 3 from public.ad_metrics_daily d where d.object_id = c.id) as next_day
      from public.ad_campaigns c join public.ad_metrics_daily d on d.object_id = c.id order by c.id desc limit 1) x
where m.id = (select id from public.ad_metrics_daily where level = 'campaign' order by id limit 1 offset 20) and x.id <> m.campaign_id;
select is((select count(*)::int from private.ad_campaign_running_totals t
           cross join lateral (select count(*) as n, coalesce(sum(m.spend_cents), 0) as s, coalesce(sum(m.revenue_cents), 0) as r,
                                      coalesce(sum(m.impressions), 0) as i, coalesce(sum(m.clicks), 0) as k, coalesce(sum(m.conversions), 0) as v
                               from public.ad_metrics_daily m where m.level = 'campaign' and m.campaign_id = t.campaign_id and m.day <= t.day) x
           where (t.rows_upto, t.spend_cents, t.revenue_cents, t.impressions, t.clicks, t.conversions) is distinct from (x.n, x.s, x.r, x.i, x.k, x.v)), 0,
  'ad_campaign_running_totals after updates, deletes, late rows, a moved day and a row moved to another campaign = the sums up to each day');
select is((select count(*)::int from private.ad_campaign_spans s
           full join (select m.campaign_id, min(m.day) as lo, max(m.day) as hi, count(*) as n, sum(m.spend_cents) as spend
                      from public.ad_metrics_daily m where m.level = 'campaign' group by 1) x on x.campaign_id = s.campaign_id
           where x.campaign_id is not null and (s.campaign_id is null or s.first_day > x.lo or s.last_day < x.hi
                 or s.rows_total <> x.n or s.spend_cents <> x.spend
                 or (select count(*) from private.ad_campaign_running_totals t where t.campaign_id = s.campaign_id) <> s.last_day - s.first_day + 1)), 0,
  'every campaign''s span covers its days densely and its totals are its rows'' sums');
select is((select count(*)::int from (select distinct workspace_id from public.ad_metrics_daily) w,
           (select min(day) as lo, max(day) as hi from public.ad_metrics_daily) r,
           lateral (values (r.lo - 400, r.hi), (r.hi - 29, r.hi), (r.lo + 3, r.lo + 40), (r.hi, r.hi + 5)) v (f, t),
           lateral ((select * from private.ads_campaign_totals(w.workspace_id, v.f, v.t)
                     except select m.campaign_id, sum(m.spend_cents)::bigint, sum(m.revenue_cents)::bigint, sum(m.impressions)::bigint,
                                   sum(m.clicks)::bigint, sum(m.conversions) from public.ad_metrics_daily m
                            where m.workspace_id = w.workspace_id and m.level = 'campaign' and m.day between v.f and v.t group by 1)
                    union all
                    (select m.campaign_id, sum(m.spend_cents)::bigint, sum(m.revenue_cents)::bigint, sum(m.impressions)::bigint,
                            sum(m.clicks)::bigint, sum(m.conversions) from public.ad_metrics_daily m
                     where m.workspace_id = w.workspace_id and m.level = 'campaign' and m.day between v.f and v.t group by 1
                     except select * from private.ads_campaign_totals(w.workspace_id, v.f, v.t))) d), 0,
  'the campaign dashboard''s sums for four ranges equal summing the campaign-level rows');

-- ===== commerce: conversions (one per uncancelled order: net revenue, its visitor and customer)
insert into public.orders (workspace_id, shopify_order_id, currency, total_price_cents, processed_at, visitor_id)
values ((select ws from demo), 'roll-1', 'USD', 5000, now() - interval '3 days', 'roll-v1'),
       ((select ws from demo), 'roll-2', 'USD', 7000, now() - interval '90 days', 'roll-v2');
update public.orders set total_refunded_cents = 1000 where shopify_order_id = 'roll-1' and workspace_id = (select ws from demo);
update public.orders set cancelled_at = now() where workspace_id = (select ws from demo)
  and id = (select id from public.orders where workspace_id = (select ws from demo) and cancelled_at is null order by id limit 1);
update public.orders set processed_at = processed_at - interval '2 days' where workspace_id = (select ws from demo)
  and id = (select id from public.orders where workspace_id = (select ws from demo) and cancelled_at is null order by id desc limit 1);
delete from public.orders where workspace_id = (select ws from demo) and shopify_order_id = 'roll-2';
select is((select count(*)::int from public.orders o full join public.conversions c on c.order_id = o.id
           where (o.cancelled_at is null) is distinct from (c.id is not null)
              or (c.id is not null and (c.revenue_cents, c.occurred_at, c.visitor_id, c.customer_id)
                  is distinct from (o.total_price_cents - o.total_refunded_cents, o.processed_at, o.visitor_id, o.customer_id))), 0,
  'conversions after orders inserted late, refunded, cancelled, moved and deleted: one per uncancelled order with its net revenue');

-- ===== attribution: stored credits (incremental round) = a rebuild, after touchpoint and order edits
select private.credit_conversions(100000);
insert into public.touchpoints (workspace_id, visitor_id, channel, source, occurred_at)
select c.workspace_id, c.visitor_id, 'email', 'late-touch', c.occurred_at - interval '2 days'
from public.conversions c where c.visitor_id is not null order by c.id limit 20;
update public.orders set total_refunded_cents = total_refunded_cents + 100
where id in (select order_id from public.conversions order by id limit 10);
update public.visitors set identity_id = null
where id = (select v.id from public.visitors v join public.touchpoints t on t.workspace_id = v.workspace_id and t.visitor_id = v.visitor_id
            where v.identity_id is not null order by v.id limit 1);
delete from public.touchpoints where (workspace_id, id) in (select workspace_id, id from public.touchpoints order by id limit 5);
select private.credit_conversions(100000);
create temp table credits_inc on commit drop as
  select conversion_id, model, position, touchpoint_id, channel, weight, credit_cents from public.attribution_credits;
select private.rebuild_attribution_credits();
select private.credit_conversions(100000);
select is((select count(*)::int from ((select * from credits_inc except select conversion_id, model, position, touchpoint_id, channel, weight, credit_cents from public.attribution_credits)
           union all (select conversion_id, model, position, touchpoint_id, channel, weight, credit_cents from public.attribution_credits except select * from credits_inc)) d), 0,
  'attribution_credits after late touchpoints, deleted touchpoints, an unlinked visitor and refunds: incremental rounds = rebuild');

-- ===== reviews: product_rating_summaries (published reviews) and the vote counters
insert into public.reviews (workspace_id, shopify_product_id, author_name, rating, status, published_at)
select (select ws from demo), 'roll-product', 'R' || i, 1 + i % 5, 'published', now() from generate_series(1, 12) i;
update public.reviews set rating = 5 where workspace_id = (select ws from demo) and shopify_product_id = 'roll-product' and author_name = 'R1';
update public.reviews set status = 'rejected' where workspace_id = (select ws from demo) and shopify_product_id = 'roll-product' and author_name = 'R2';
update public.reviews set shopify_product_id = 'roll-product-2' where workspace_id = (select ws from demo) and author_name = 'R3';
delete from public.reviews where workspace_id = (select ws from demo) and shopify_product_id = 'roll-product' and author_name = 'R4';
update public.reviews set rating = 1 where id in (select id from public.reviews where status = 'published' order by id limit 5);
delete from public.reviews where id in (select id from public.reviews where status = 'published' order by id desc limit 5);
select is((select count(*)::int from public.product_rating_summaries s
           full join (select r.workspace_id, r.shopify_product_id, count(*)::int as n, sum(r.rating)::bigint as total,
                             count(*) filter (where r.rating = 1)::int as r1, count(*) filter (where r.rating = 5)::int as r5
                      from public.reviews r where r.status = 'published' group by 1, 2) x
             on x.workspace_id = s.workspace_id and x.shopify_product_id = s.shopify_product_id
           where coalesce(s.review_count, 0) <> coalesce(x.n, 0) or coalesce(s.rating_sum, 0) <> coalesce(x.total, 0)
              or coalesce(s.rating_1, 0) <> coalesce(x.r1, 0) or coalesce(s.rating_5, 0) <> coalesce(x.r5, 0)), 0,
  'product_rating_summaries after reviews inserted, re-rated, unpublished, moved and deleted = the published reviews');
insert into public.review_votes (workspace_id, review_id, voter_id, kind)
select r.workspace_id, r.id, gen_random_uuid(), (array['helpful', 'unhelpful']::public.review_vote_kind[])[1 + i % 2]
from (select * from public.reviews order by id limit 10) r cross join generate_series(1, 3) i;
update public.review_votes set kind = 'unhelpful' where id in (select id from public.review_votes where kind = 'helpful' order by id limit 7);
delete from public.review_votes where id in (select id from public.review_votes order by id desc limit 9);
select is((select count(*)::int from public.reviews r
           left join (select v.review_id, count(*) filter (where v.kind = 'helpful') as h, count(*) filter (where v.kind = 'unhelpful') as u
                      from public.review_votes v group by 1) x on x.review_id = r.id
           where r.helpful_count <> coalesce(x.h, 0) or r.unhelpful_count <> coalesce(x.u, 0)), 0,
  'reviews.helpful_count / unhelpful_count after votes inserted, changed and deleted = the votes');

-- ===== surveys: survey_answer_counts and survey_questions.response_count
insert into public.survey_responses (workspace_id, question_id, external_id, answers, responded_at)
select q.workspace_id, q.id, 'roll-' || i, array[(array['Instagram', 'Podcast', 'Friend'])[1 + i % 3]], now() - make_interval(days => i)
from (select * from public.survey_questions order by id limit 1) q cross join generate_series(1, 9) i;
update public.survey_responses set answers = array['Podcast', 'Friend'] where external_id = 'roll-1';
update public.survey_responses set question_id = (select id from public.survey_questions order by id desc limit 1)
where external_id = 'roll-2' and (select count(*) from public.survey_questions where workspace_id = (select ws from demo)) > 1;
delete from public.survey_responses where id in (select id from public.survey_responses order by id limit 6);
select is((select count(*)::int from public.survey_answer_counts s
           full join (select r.workspace_id, r.question_id, a.answer, count(distinct r.id)::int as n
                      from public.survey_responses r cross join unnest(r.answers) a (answer) group by 1, 2, 3) x
             on x.question_id = s.question_id and x.answer = s.answer
           where s.responses is distinct from x.n), 0,
  'survey_answer_counts after responses inserted, re-answered, moved and deleted = the responses per answer');
select is((select count(*)::int from public.survey_questions q
           where q.response_count <> (select count(*) from public.survey_responses r where r.question_id = q.id)), 0,
  'survey_questions.response_count = the responses per question');

-- ===== slack: thread reply counts and participants
insert into public.slack_messages (workspace_id, slack_channel_id, ts, thread_ts, slack_user_id, text, posted_at)
select c.workspace_id, c.slack_channel_id, '1700000100.00000' || i, '1700000100.000000', 'U' || (i % 3), 'reply', now() - make_interval(mins => 10 - i)
from (select * from public.slack_channels order by id limit 1) c cross join generate_series(0, 6) i;
update public.slack_messages set slack_user_id = 'U9' where ts = '1700000100.000003';
delete from public.slack_messages where ts in ('1700000100.000004', '1700000100.000005');
insert into public.slack_messages (workspace_id, slack_channel_id, ts, slack_user_id, text, posted_at)
select c.workspace_id, c.slack_channel_id, '1700000200.000001', 'U7', 'top level', now() from (select * from public.slack_channels order by id limit 1) c;
update public.slack_messages set thread_ts = '1700000100.000000' where ts = '1700000200.000001';
select is((select count(*)::int from public.slack_threads t
           where t.reply_count <> (select count(*) from public.slack_messages m where m.workspace_id = t.workspace_id
                                   and m.slack_channel_id = t.slack_channel_id and m.thread_ts = t.thread_ts and m.ts <> t.thread_ts)
              or t.participant_ids is distinct from coalesce((select array_agg(p.u order by p.first_ts) from (
                   select m.slack_user_id as u, min(m.ts::numeric) as first_ts from public.slack_messages m
                   where m.workspace_id = t.workspace_id and m.slack_channel_id = t.slack_channel_id and m.thread_ts = t.thread_ts
                     and m.ts <> t.thread_ts and m.slack_user_id is not null group by 1) p), '{}')), 0,
  'slack_threads reply_count and participants after replies inserted, re-attributed, deleted and moved into a thread = the messages');
select ok((select count(*) > 0 from public.slack_threads where thread_ts = '1700000100.000000' and reply_count = 5), 'the edited thread has its 5 replies (not vacuous)');

-- ===== storage: workspace_storage_usage
insert into storage.objects (bucket_id, name, metadata)
select 'review-media', (select ws from demo)::text || '/roll/' || i || '.jpg', jsonb_build_object('size', 1000 * i) from generate_series(1, 6) i;
update storage.objects set metadata = jsonb_build_object('size', 99) where name = (select ws from demo)::text || '/roll/1.jpg';
update storage.objects set bucket_id = 'knowledge-uploads' where name = (select ws from demo)::text || '/roll/2.jpg';
set local storage.allow_delete_query = 'true';
delete from storage.objects where name = (select ws from demo)::text || '/roll/3.jpg';
select is((select count(*)::int from public.workspace_storage_usage u
           full join (select private.object_workspace(o.bucket_id, o.name) as ws, o.bucket_id, sum(coalesce((o.metadata ->> 'size')::bigint, 0)) as bytes,
                             count(*) as n from storage.objects o where private.object_workspace(o.bucket_id, o.name) is not null group by 1, 2) x
             on x.ws = u.workspace_id and x.bucket_id = u.bucket_id
           where coalesce(u.bytes, 0) <> coalesce(x.bytes, 0) or coalesce(u.objects, 0) <> coalesce(x.n, 0)), 0,
  'workspace_storage_usage after objects uploaded, resized, moved between buckets and deleted = the objects');

-- ===== agents: chat_sessions.message_count / last_message_at and agent_runs totals
insert into public.chat_messages (workspace_id, session_id, role, content, created_at)
select s.workspace_id, s.id, 'user', 'roll ' || i, now() - make_interval(mins => i)
from (select * from public.chat_sessions order by id limit 2) s cross join generate_series(1, 4) i;
update public.chat_messages set content = 'edited' where id = (select max(id) from public.chat_messages);
delete from public.chat_messages where id in (select id from public.chat_messages order by created_at desc limit 3);
select is((select count(*)::int from public.chat_sessions s
           where s.message_count <> (select count(*) from public.chat_messages m where m.session_id = s.id)
              or s.last_message_at is distinct from (select max(m.created_at) from public.chat_messages m where m.session_id = s.id)), 0,
  'chat_sessions.message_count and last_message_at after messages inserted, edited and deleted = the messages');
delete from public.agent_queries where id in (select id from public.agent_queries where run_id is not null order by id limit 5);
select is((select count(*)::int from public.agent_runs r
           cross join lateral (select count(*) as n, coalesce(sum(q.input_tokens), 0) as i, coalesce(sum(q.output_tokens), 0) as o,
                                      coalesce(sum(q.cost_micros), 0) as c from public.agent_queries q where q.run_id = r.id) x
           where (r.queries, r.input_tokens, r.output_tokens, r.cost_micros) is distinct from (x.n::int, x.i::bigint, x.o::bigint, x.c::bigint)), 0,
  'agent_runs queries, tokens and cost after queries deleted = the queries');
select ok((select count(*) > 0 from public.agent_queries where run_id is not null), 'runs still have queries (not vacuous)');

-- ===== knowledge: chunk counts per collection and per document
insert into public.knowledge_collections (id, workspace_id, name) values ('c1420000-0000-4000-8000-000000000001', (select ws from demo), 'roll');
update public.knowledge_chunks set collection_id = 'c1420000-0000-4000-8000-000000000001'
where id in (select id from public.knowledge_chunks order by id limit 3);
delete from public.knowledge_chunks where id in (select id from public.knowledge_chunks order by id desc limit 2);
select is((select count(*)::int from private.knowledge_chunk_counts k
           full join (select c.collection_id, count(*) as n from public.knowledge_chunks c group by 1) x on x.collection_id = k.collection_id
           where coalesce(k.chunks, 0) <> coalesce(x.n, 0)), 0,
  'knowledge_chunk_counts after chunks moved to another collection and deleted = the chunks per collection');
select is((select count(*)::int from public.knowledge_documents d
           where d.chunk_count <> (select count(*) from public.knowledge_chunks c where c.document_id = d.id)), 0,
  'knowledge_documents.chunk_count = the chunks per document');

-- ===== marketing: lead scores and last activity
insert into public.lead_activities (workspace_id, lead_id, activity_type, occurred_at)
select l.workspace_id, l.id, 'email_open', now() - make_interval(days => i)
from (select * from public.leads order by id limit 5) l cross join generate_series(1, 3) i;
insert into public.lead_activities (workspace_id, lead_id, activity_type, occurred_at)
select l.workspace_id, l.id, 'email_click', now() - interval '400 days'
from (select * from public.leads order by id desc limit 3) l;
update public.lead_activities set activity_type = 'email_click' where id in (select id from public.lead_activities order by id limit 4);
update public.lead_activities set lead_id = (select id from public.leads order by id limit 1)
where id = (select id from public.lead_activities order by id desc limit 1);
delete from public.lead_activities where id in (select id from public.lead_activities order by id limit 3 offset 10);
update public.lead_scoring_rules set points = points + 5 where id = (select id from public.lead_scoring_rules order by id limit 1);
select is((select count(*)::int from public.leads l join private.lead_scores(array(select id from public.leads)) s on s.lead_id = l.id
           where l.score is distinct from s.score or l.last_activity_at is distinct from s.last_activity_at), 0,
  'leads.score and last_activity_at after activities inserted (also late), retyped, moved, deleted and a rule change = the full scoring');

select * from finish();
rollback;
