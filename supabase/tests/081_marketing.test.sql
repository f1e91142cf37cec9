-- Marketing from the outside: access to every campaign, content, email and strategy table; the
-- campaign rules (unique names, lifecycle, KPI targets, members only); ad campaigns belonging to
-- a campaign in the same workspace; the performance monitor's arithmetic; templates, assets,
-- email lifecycles; strategy documents validated per kind.
begin;
set search_path = extensions, public;
select plan(179);

select tests.without_demo_data();
select tests.two_workspaces();
-- ---------- fixture (as the table owner): one row of every table in A, a campaign in B
with r as (insert into public.campaigns (workspace_id, name, budget_cents, kpi_targets, auto_managed, status) values
  (tests.workspace_id('A'), 'Spring launch', 100000, '{"target_roas": 3}', true, 'active'),
  (tests.workspace_id('B'), 'B campaign', 0, '{}', false, 'draft') returning id, name)
select tests.remember(name, id) from r;
with r as (insert into public.campaign_tasks (workspace_id, campaign_id, title, status, due_date, assignee_id) values
  (tests.workspace_id('A'), tests.id('Spring launch'), 'Brief agency', 'todo', current_date - 1, tests.user_id('member-a')),
  (tests.workspace_id('A'), tests.id('Spring launch'), 'Write copy', 'in_progress', current_date + 3, null),
  (tests.workspace_id('A'), tests.id('Spring launch'), 'Book shoot', 'done', current_date - 5, null) returning id, title)
select tests.remember(title, id) from r;
insert into public.campaign_metrics (workspace_id, campaign_id, day, channel, spend_cents, revenue_cents, conversions) values
  (tests.workspace_id('A'), tests.id('Spring launch'), '2026-11-01', 'email', 1000, 4500, 3);
insert into public.campaign_predictions (workspace_id, campaign_id, metric, period_start, period_end, predicted_value, lower_bound, upper_bound, confidence) values
  (tests.workspace_id('A'), tests.id('Spring launch'), 'revenue_cents', '2026-12-01', '2026-12-31', 500000, 400000, 600000, 0.9);
with r as (insert into public.generated_content (workspace_id, campaign_id, content_type, body) values
  (tests.workspace_id('A'), tests.id('Spring launch'), 'ad_copy', 'Glow all spring.') returning id)
select tests.remember('spring ad copy', id) from r;
insert into public.content_calendar (workspace_id, title, content_type, campaign_id, generated_content_id) values
  (tests.workspace_id('A'), 'Launch post', 'social_post', tests.id('Spring launch'), tests.id('spring ad copy'));
with r as (insert into public.digital_assets (workspace_id, name, kind, storage_path, mime_type, size_bytes) values
  (tests.workspace_id('A'), 'logo.png', 'image', tests.workspace_id('A') || '/brand/logo.png', 'image/png', 2048) returning id, name)
select tests.remember(name, id) from r;
insert into public.brand_assets (workspace_id, kind, name, digital_asset_id, is_primary) values
  (tests.workspace_id('A'), 'logo', 'Main logo', tests.id('logo.png'), true);
insert into public.content_templates (workspace_id, kind, content_type, name, body) values
  (tests.workspace_id('A'), 'content', 'social_post', 'Launch post', 'New: {{ product }}');
with r as (insert into public.email_templates (workspace_id, name, subject, body_text, variable_defaults) values
  (tests.workspace_id('A'), 'Welcome', 'Welcome {{first_name}}', 'Hi {{ first_name }}, here is {{offer.code}}.', '{"offer.code": "WELCOME"}') returning id, name)
select tests.remember(name, id) from r;
with r as (insert into public.email_lists (workspace_id, name) values
  (tests.workspace_id('A'), 'Newsletter') returning id, name)
select tests.remember(name, id) from r;
with r as (insert into public.email_contacts (workspace_id, email) values
  (tests.workspace_id('A'), 'Reader@A.test'),
  (tests.workspace_id('A'), 'second@a.test'),
  (tests.workspace_id('B'), 'reader@b.test') returning id, email)
select tests.remember(email, id) from r;
insert into public.email_list_members (workspace_id, list_id, contact_id) values
  (tests.workspace_id('A'), tests.id('Newsletter'), tests.id('reader@a.test'));
with r as (insert into public.email_campaigns (workspace_id, name, campaign_id) values
  (tests.workspace_id('A'), 'Spring newsletter', tests.id('Spring launch')) returning id, name)
select tests.remember(name, id) from r;
insert into public.email_automation_rules (workspace_id, name, trigger_event, template_id) values
  (tests.workspace_id('A'), 'Welcome new leads', 'lead_created', tests.id('Welcome'));
insert into public.strategy_documents (workspace_id, kind, title, body) values
  (tests.workspace_id('A'), 'kpi_framework', 'Core KPIs',
   '{"channels": ["email"], "kpis": [{"name": "Leads", "metric": "leads", "target": 200, "frequency": "monthly"}]}');

-- ---------- access matrix: 16 tables x 7 checks
select tests.tenant_table_checks('public.campaigns',
  $$ insert into public.campaigns (workspace_id, name) values (tests.workspace_id('A'), 'Matrix campaign') $$);
select tests.tenant_table_checks('public.campaign_tasks',
  $$ insert into public.campaign_tasks (workspace_id, campaign_id, title) values (tests.workspace_id('A'), tests.id('Spring launch'), 'Matrix task') $$);
select tests.tenant_table_checks('public.campaign_metrics',
  $$ insert into public.campaign_metrics (workspace_id, campaign_id, day, channel) values (tests.workspace_id('A'), tests.id('Spring launch'), '2026-11-02', 'email') $$);
select tests.tenant_table_checks('public.campaign_predictions',
  $$ insert into public.campaign_predictions (workspace_id, campaign_id, metric, period_start, period_end, predicted_value) values (tests.workspace_id('A'), tests.id('Spring launch'), 'leads', '2026-12-01', '2026-12-31', 100) $$);
select tests.tenant_table_checks('public.generated_content',
  $$ insert into public.generated_content (workspace_id, content_type, body) values (tests.workspace_id('A'), 'email', 'Hello') $$);
select tests.tenant_table_checks('public.content_calendar',
  $$ insert into public.content_calendar (workspace_id, title, content_type) values (tests.workspace_id('A'), 'Matrix post', 'social_post') $$);
select tests.tenant_table_checks('public.digital_assets',
  $$ insert into public.digital_assets (workspace_id, name, kind, storage_path, mime_type) values (tests.workspace_id('A'), 'hero.jpg', 'image', tests.workspace_id('A') || '/hero.jpg', 'image/jpeg') $$);
select tests.tenant_table_checks('public.brand_assets',
  $$ insert into public.brand_assets (workspace_id, kind, name, value) values (tests.workspace_id('A'), 'color', 'Accent', '{"hex": "#112233"}') $$);
select tests.tenant_table_checks('public.content_templates',
  $$ insert into public.content_templates (workspace_id, kind, name, body) values (tests.workspace_id('A'), 'proposal', 'Matrix proposal', 'Dear {{client}}') $$);
select tests.tenant_table_checks('public.email_templates',
  $$ insert into public.email_templates (workspace_id, name, subject, body_text) values (tests.workspace_id('A'), 'Matrix email', 'Hi', 'Text') $$);
select tests.tenant_table_checks('public.email_contacts',
  $$ insert into public.email_contacts (workspace_id, email) values (tests.workspace_id('A'), 'matrix@a.test') $$);
select tests.tenant_table_checks('public.email_lists',
  $$ insert into public.email_lists (workspace_id, name) values (tests.workspace_id('A'), 'Matrix list') $$);
select tests.tenant_table_checks('public.email_list_members',
  $$ insert into public.email_list_members (workspace_id, list_id, contact_id) values (tests.workspace_id('A'), tests.id('Newsletter'), tests.id('second@a.test')) $$);
select tests.tenant_table_checks('public.email_campaigns',
  $$ insert into public.email_campaigns (workspace_id, name) values (tests.workspace_id('A'), 'Matrix send') $$);
select tests.tenant_table_checks('public.email_automation_rules',
  $$ insert into public.email_automation_rules (workspace_id, name, trigger_event, template_id) values (tests.workspace_id('A'), 'Matrix automation', 'contact_subscribed', tests.id('Welcome')) $$);
select tests.tenant_table_checks('public.strategy_documents',
  $$ insert into public.strategy_documents (workspace_id, kind, title, body) values (tests.workspace_id('A'), 'funnel_design', 'Matrix funnel', '{"stages": [{"stage": "awareness", "goal": "Reach"}]}') $$);

-- ---------- campaigns: rules a member meets
select tests.authenticate_as('member-a');
select throws_ok($$ insert into public.campaigns (workspace_id, name) values (tests.workspace_id('A'), ' Spring launch ') $$,
  '23505', 'a campaign named "Spring launch" already exists in this workspace', 'campaign names are unique per workspace (trimmed), with a readable message');
select throws_ok($$ insert into public.campaigns (workspace_id, name, kpi_targets) values (tests.workspace_id('A'), 'K1', '{"target_roas": "3"}') $$,
  '22023', 'kpi_targets: target_roas: must be a number', 'KPI targets are numbers');
select throws_ok($$ insert into public.campaigns (workspace_id, name, kpi_targets) values (tests.workspace_id('A'), 'K2', '{"target_ctr": 1.5, "roas": 2}') $$,
  '22023', 'kpi_targets: roas: unknown target (known: target_roas, target_cpa_cents, target_cpl_cents, target_leads, target_conversions, target_revenue_cents, target_ctr, target_cvr); target_ctr: is a ratio between 0 and 1',
  'unknown targets and out-of-range ratios are named');
select throws_ok($$ insert into public.campaigns (workspace_id, name, kpi_targets) values (tests.workspace_id('A'), 'K3', '{"target_leads": 2.5}') $$,
  '22023', 'kpi_targets: target_leads: must be a non-negative whole number', 'counts are whole numbers');
select throws_ok($$ insert into public.campaigns (workspace_id, name, owner_id) values (tests.workspace_id('A'), 'K4', tests.user_id('owner-b')) $$,
  '22023', 'owner_id: that user is not a member of this workspace', 'the owner is a member of the workspace');
select throws_ok($$ insert into public.campaigns (workspace_id, name, budget_cents) values (tests.workspace_id('A'), 'K5', -1) $$,
  '23514', null, 'a budget cannot be negative');
with r as (insert into public.campaigns (workspace_id, name, channels, created_by) values
  (tests.workspace_id('A'), 'Summer', '{paid_social,email,email}', tests.user_id('owner-a')) returning id, name)
select tests.remember(name, id) from r;
select results_eq($$ select channels::text, created_by, status::text from public.campaigns where id = tests.id('Summer') $$,
  $$ values ('{paid_social,email}'::text, tests.user_id('member-a'), 'draft'::text) $$,
  'channels are kept distinct and sorted; created_by is the caller whatever was sent');
select throws_ok($$ update public.campaigns set status = 'completed' where id = tests.id('Summer') $$,
  'PT409', 'a campaign cannot go from draft to completed', 'a draft cannot jump to completed');
select lives_ok($$ update public.campaigns set status = 'active' where id = tests.id('Summer') $$, 'draft -> active');
select throws_ok($$ update public.campaigns set status = 'draft' where id = tests.id('Summer') $$,
  'PT409', 'a campaign cannot go from active to draft', 'an active campaign does not go back to draft');
select lives_ok($$ update public.campaigns set status = 'paused' where id = tests.id('Summer') $$, 'active -> paused');
select throws_ok($$ update public.campaigns set workspace_id = tests.workspace_id('B') where id = tests.id('Summer') $$,
  '42501', 'workspace_id cannot change once a row exists', 'a campaign never moves workspace');
select tests.clear_authentication();
select tests.authenticate_as('member-b');
select lives_ok($$ insert into public.campaigns (workspace_id, name) values (tests.workspace_id('B'), 'Spring launch') $$,
  'another workspace may use the same campaign name');
select tests.clear_authentication();

-- ---------- ad campaigns belong to a campaign of their own workspace
with r as (insert into public.ad_campaigns (workspace_id, platform, external_id, name, campaign_id) values
  (tests.workspace_id('A'), 'meta', 'm1', 'Meta prospecting', tests.id('Spring launch')),
  (tests.workspace_id('A'), 'google', 'g1', 'Google search', tests.id('Spring launch')),
  (tests.workspace_id('A'), 'meta', 'm3', 'Summer ads', tests.id('Summer')) returning id, name)
select tests.remember(name, id) from r;
select throws_ok($$ insert into public.ad_campaigns (workspace_id, platform, external_id, name, campaign_id)
  values (tests.workspace_id('A'), 'meta', 'x', 'X', tests.id('B campaign')) $$,
  '23503', null, 'an ad campaign cannot belong to another workspace''s campaign');
select tests.authenticate_as('member-a');
select throws_ok($$ update public.ad_campaigns set campaign_id = tests.id('B campaign') where id = tests.id('Meta prospecting') $$,
  '23503', null, 'a member cannot link an ad campaign to a campaign in another workspace');
select lives_ok($$ delete from public.campaigns where id = tests.id('Summer') $$, 'a member deletes a campaign');
select tests.clear_authentication();
select is((select campaign_id from public.ad_campaigns where id = tests.id('Summer ads')), null::uuid,
  'deleting a campaign leaves its ad campaigns unassigned, not deleted');
select ok((select indexdef from pg_indexes where indexname = 'ad_campaigns_campaign_id_idx') like '%(workspace_id, campaign_id)%',
  'ad_campaigns.campaign_id is indexed with its workspace');

-- ---------- tasks
select ok((select indexdef from pg_indexes where indexname = 'campaign_tasks_open_by_assignee_idx')
            like '%(assignee_id, due_date) WHERE (status = ANY (ARRAY[''todo''::task_status, ''in_progress''::task_status, ''blocked''::task_status]))',
  'open tasks by assignee and due date have a partial index');
select tests.authenticate_as('member-a');
select throws_ok($$ update public.campaign_tasks set assignee_id = tests.user_id('member-b') where id = tests.id('Write copy') $$,
  '22023', 'assignee_id: that user is not a member of this workspace', 'tasks are assigned to members only');
update public.campaign_tasks set status = 'done' where id = tests.id('Write copy');
select isnt((select completed_at from public.campaign_tasks where id = tests.id('Write copy')), null, 'done sets completed_at');
update public.campaign_tasks set status = 'in_progress' where id = tests.id('Write copy');
select is((select completed_at from public.campaign_tasks where id = tests.id('Write copy')), null, 'reopening clears completed_at');
select tests.clear_authentication();
-- the matrix's member task is open, undated: counts as open, not overdue
delete from public.campaign_tasks where title = 'Matrix task';

-- ---------- performance monitor
-- Ad campaign m1: two campaign-level days 6000/18000 and 4000/12000; g1: 5000/2500. An ad-group
-- row of m1 (9999/9999) and B's rows must not count. Own metrics: the fixture's email row
-- 1000/4500 plus the matrix member's row (0/0). Leads: 3 on the campaign, 1 converted.
with r as (insert into public.ad_groups (workspace_id, campaign_id, platform, external_id, name) values
  (tests.workspace_id('A'), tests.id('Meta prospecting'), 'meta', 's1', 'Set') returning id, name)
select tests.remember(name, id) from r;
insert into public.ad_metrics_daily (workspace_id, platform, level, object_id, campaign_id, ad_group_id, day, spend_cents, revenue_cents, impressions, clicks, conversions) values
  (tests.workspace_id('A'), 'meta', 'campaign', tests.id('Meta prospecting'), tests.id('Meta prospecting'), null, '2026-11-01', 6000, 18000, 1000, 50, 4),
  (tests.workspace_id('A'), 'meta', 'campaign', tests.id('Meta prospecting'), tests.id('Meta prospecting'), null, '2026-11-02', 4000, 12000, 800, 40, 2),
  (tests.workspace_id('A'), 'google', 'campaign', tests.id('Google search'), tests.id('Google search'), null, '2026-11-01', 5000, 2500, 500, 20, 1),
  (tests.workspace_id('A'), 'meta', 'ad_group', tests.id('Set'), tests.id('Meta prospecting'), tests.id('Set'), '2026-11-01', 9999, 9999, 9999, 99, 9);
insert into public.leads (workspace_id, email, campaign_id, status) values
  (tests.workspace_id('A'), 'l1@a.test', tests.id('Spring launch'), 'new'),
  (tests.workspace_id('A'), 'l2@a.test', tests.id('Spring launch'), 'qualified'),
  (tests.workspace_id('A'), 'l3@a.test', tests.id('Spring launch'), 'converted'),
  (tests.workspace_id('A'), 'l4@a.test', null, 'converted');
select tests.authenticate_as('viewer-a');
-- spend 10000 + 5000 + 1000 = 16000; revenue 30000 + 2500 + 4500 = 37000; ROAS 37000/16000 = 2.3125;
-- budget used 16000 / 100000 = 0.16; conversions 4 + 2 + 1 + 3 = 10
select results_eq($$ select ad_campaigns, ad_spend_cents, ad_revenue_cents, other_spend_cents, other_revenue_cents, spend_cents, revenue_cents,
                            conversions, roas, target_roas, budget_used
                     from public.campaign_performance_monitor where campaign_id = tests.id('Spring launch') $$,
  $$ values (2, 15000::bigint, 32500::bigint, 1000::bigint, 4500::bigint, 16000::bigint, 37000::bigint, 10::numeric, 2.3125::numeric, 3::numeric, 0.1600::numeric) $$,
  'monitor: campaign-level ad metrics of its ad campaigns plus its own metrics; ROAS and budget use');
select results_eq($$ select leads, converted_leads, open_tasks, overdue_tasks, done_tasks
                     from public.campaign_performance_monitor where campaign_id = tests.id('Spring launch') $$,
  $$ values (3, 1, 2, 1, 1) $$, 'monitor: leads of the campaign, open, overdue (due yesterday) and done tasks');
select results_eq($$ select spend_cents, roas, budget_used from public.campaign_performance_monitor where name = 'Matrix campaign' $$,
  $$ values (0::bigint, null::numeric, null::numeric) $$, 'monitor: no spend means no ROAS; no budget means no budget use');
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.campaign_performance_monitor where workspace_id = tests.workspace_id('A') $$,
  'monitor: another workspace sees nothing (the view runs with the caller''s rights)');
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.campaign_performance_monitor $$, '42501', null, 'monitor: anon is refused');
select tests.clear_authentication();
select ok((select 'security_invoker=true' = any (reloptions) from pg_class where oid = 'public.campaign_performance_monitor'::regclass),
  'the monitor view is security_invoker');

-- ---------- content, assets, templates
select tests.authenticate_as('member-a');
select is((select variables from public.email_templates where id = tests.id('Welcome')), '{first_name,offer.code}'::text[],
  'email template variables come from subject and bodies, distinct and sorted');
with r as (insert into public.content_templates (workspace_id, kind, name, body, sections) values
  (tests.workspace_id('A'), 'proposal', 'Retainer', 'For {{client}}',
   '[{"title": "Scope", "body": "{{ scope }} for {{client}}"}, {"title": "Price", "body": "{{price}}"}]') returning id, name)
select tests.remember(name, id) from r;
select is((select variables from public.content_templates where id = tests.id('Retainer')), '{client,price,scope}'::text[],
  'proposal variables come from the body and every section');
select throws_ok($$ insert into public.content_templates (workspace_id, kind, name, body, sections) values
  (tests.workspace_id('A'), 'proposal', 'Bad', 'x', '[{"title": "Scope"}]') $$,
  '22023', 'sections[0]: needs a title and a body text', 'proposal sections need a title and a body');
select throws_ok($$ insert into public.content_templates (workspace_id, kind, name, body) values (tests.workspace_id('A'), 'content', 'No type', 'x') $$,
  '23514', null, 'a content template names its content type');
select throws_ok($$ insert into public.brand_assets (workspace_id, kind, name, value) values (tests.workspace_id('A'), 'color', 'Bad', '{"hex": "red"}') $$,
  '22023', 'value.hex: a color needs "#RRGGBB"', 'brand colors are hex codes');
select throws_ok($$ insert into public.brand_assets (workspace_id, kind, name, value) values (tests.workspace_id('A'), 'tagline', 'Empty', '{}') $$,
  '22023', 'value.text: a tagline needs text', 'a tagline has text');
select throws_ok($$ insert into public.brand_assets (workspace_id, kind, name, value, is_primary) values (tests.workspace_id('A'), 'logo', 'Alt logo', '{"url": "https://cdn.test/alt.png"}', true) $$,
  '23505', 'there already is a primary logo; unset it first', 'one primary logo per workspace');
select throws_ok($$ insert into public.digital_assets (workspace_id, name, kind, storage_path, mime_type) values (tests.workspace_id('A'), 'x', 'image', tests.workspace_id('B') || '/x.png', 'image/png') $$,
  '23514', null, 'an asset''s storage path starts with its own workspace id');
select is((select email from public.email_contacts where id = tests.id('reader@a.test')), 'reader@a.test', 'contact emails are stored lowercase');
update public.email_contacts set status = 'unsubscribed' where id = tests.id('reader@a.test');
select ok((select unsubscribed_at is not null and subscribed_at is not null from public.email_contacts where id = tests.id('reader@a.test')),
  'unsubscribing stamps unsubscribed_at and keeps subscribed_at');
select throws_ok($$ insert into public.email_list_members (workspace_id, list_id, contact_id) values (tests.workspace_id('A'), tests.id('Newsletter'), tests.id('reader@b.test')) $$,
  '23503', null, 'another workspace''s contact cannot join a list');
select throws_ok($$ insert into public.email_automation_rules (workspace_id, name, trigger_event, template_id, conditions) values
  (tests.workspace_id('A'), 'Bad', 'lead_created', tests.id('Welcome'), '[{"field": "row.score", "op": "above", "value": 5}]') $$,
  '22023', 'conditions[0].op: must be one of eq, neq, gt, gte, lt, lte, in, not_in, contains, exists, not_exists', 'automation conditions are validated');
select throws_ok($$ insert into public.email_automation_rules (workspace_id, name, trigger_event) values (tests.workspace_id('A'), 'No template', 'lead_created') $$,
  '23514', null, 'an active automation needs a template');
select throws_ok($$ insert into public.content_calendar (workspace_id, title, content_type, status) values (tests.workspace_id('A'), 'x', 'blog_post', 'scheduled') $$,
  '23514', null, 'a scheduled calendar entry has a date');
update public.content_calendar set status = 'published' where title = 'Launch post';
select isnt((select published_at from public.content_calendar where title = 'Launch post'), null, 'publishing stamps published_at');

-- ---------- email campaigns: the lifecycle
select throws_ok($$ update public.email_campaigns set status = 'sent' where id = tests.id('Spring newsletter') $$,
  'PT409', 'an email campaign cannot go from draft to sent', 'a draft is not sent without sending');
select throws_ok($$ update public.email_campaigns set status = 'scheduled', scheduled_for = now() + interval '1 day' where id = tests.id('Spring newsletter') $$,
  '22023', 'to schedule an email campaign give it a list, a template, a sender address and a date', 'scheduling needs list, template and sender');
select throws_ok($$ update public.email_campaigns set status = 'scheduled', scheduled_for = now() - interval '1 day', list_id = tests.id('Newsletter'),
  template_id = tests.id('Welcome'), from_email = 'news@a.test' where id = tests.id('Spring newsletter') $$,
  '22023', 'scheduled_for is in the past', 'scheduling in the past is refused');
select lives_ok($$ update public.email_campaigns set status = 'scheduled', scheduled_for = now() + interval '1 day', list_id = tests.id('Newsletter'),
  template_id = tests.id('Welcome'), from_email = 'news@a.test' where id = tests.id('Spring newsletter') $$, 'draft -> scheduled');
update public.email_campaigns set status = 'sending' where id = tests.id('Spring newsletter');
update public.email_campaigns set status = 'sent', recipients = 2, delivered = 2, opens = 3, unique_opens = 2 where id = tests.id('Spring newsletter');
select isnt((select sent_at from public.email_campaigns where id = tests.id('Spring newsletter')), null, 'scheduled -> sending -> sent stamps sent_at');
select throws_ok($$ update public.email_campaigns set status = 'draft' where id = tests.id('Spring newsletter') $$,
  'PT409', 'an email campaign cannot go from sent to draft', 'a sent campaign stays sent');
select throws_ok($$ update public.email_campaigns set unique_opens = 3 where id = tests.id('Spring newsletter') $$,
  '23514', null, 'unique opens cannot exceed opens or deliveries');

-- ---------- strategy documents: one table, a body per kind
select lives_ok($$ insert into public.strategy_documents (workspace_id, kind, title, body) values (tests.workspace_id('A'), 'brand_positioning', 'Positioning',
  '{"positioning_statement": "Skincare for busy people", "differentiators": ["2-minute routine", "refills"],
    "three_cs": {"company": {"strengths": ["formulation"]}, "customer": {"segment": "urban 25-40"}, "competition": {"main": ["BrandX"]}},
    "brand_tone": {"voice": "warm", "attributes": ["direct"]}, "recommendations": ["Lead with time saved"]}') $$,
  'a brand positioning with the 3Cs is accepted');
select lives_ok($$ insert into public.strategy_documents (workspace_id, kind, title, body) values (tests.workspace_id('A'), 'funnel_design', 'Funnel',
  '{"name": "Main", "stages": [{"stage": "awareness", "goal": "Reach", "channels": ["paid_social"]}, {"stage": "conversion", "goal": "Buy", "offers": ["10% off"]},
    {"stage": "retention", "goal": "Repeat", "automation_tasks": ["Refill reminder"]}]}') $$,
  'a funnel with stages in order (some skipped) is accepted');
select lives_ok($$ insert into public.strategy_documents (workspace_id, kind, title, body) values (tests.workspace_id('A'), 'competitive_gap', 'Gaps',
  '{"our_brand": "Glow", "competitors": [{"name": "BrandX", "strengths": ["price"]}], "gap_analysis": {"messaging": ["nobody talks about time"]},
    "ownable_differentiator": "The 2-minute routine"}') $$,
  'a competitive gap analysis is accepted');
select throws_ok($$ insert into public.strategy_documents (workspace_id, kind, title, body) values (tests.workspace_id('A'), 'brand_positioning', 'x',
  '{"differentiators": ["a"], "three_cs": {"company": {"a": 1}, "customer": {"a": 1}, "competition": {"a": 1}}}') $$,
  '22023', 'body.positioning_statement: is required (text up to 2000 characters)', 'brand positioning: the statement is required');
select throws_ok($$ insert into public.strategy_documents (workspace_id, kind, title, body) values (tests.workspace_id('A'), 'brand_positioning', 'x',
  '{"positioning_statement": "p", "differentiators": ["a"], "three_cs": {"company": {"a": 1}, "customer": {"a": 1}, "competition": {}}}') $$,
  '22023', 'body.three_cs.competition: is required and not empty', 'brand positioning: all three Cs');
select throws_ok($$ insert into public.strategy_documents (workspace_id, kind, title, body) values (tests.workspace_id('A'), 'brand_positioning', 'x',
  '{"positioning_statement": "p", "differentiators": [], "three_cs": {}}') $$,
  '22023', 'body.differentiators: give 1 to 20 differentiators as text', 'brand positioning: at least one differentiator');
select throws_ok($$ insert into public.strategy_documents (workspace_id, kind, title, body) values (tests.workspace_id('A'), 'funnel_design', 'x',
  '{"stages": [{"stage": "conversion", "goal": "a"}, {"stage": "awareness", "goal": "b"}]}') $$,
  '22023', 'body.stages[1].stage: stages appear once each, in funnel order (awareness, engagement, conversion, retention)', 'funnel: stages in order');
select throws_ok($$ insert into public.strategy_documents (workspace_id, kind, title, body) values (tests.workspace_id('A'), 'funnel_design', 'x',
  '{"stages": [{"stage": "awareness", "goal": "a", "channels": ["tv"]}]}') $$,
  '22023', null, 'funnel: channels are marketing channels');
select throws_ok($$ insert into public.strategy_documents (workspace_id, kind, title, body) values (tests.workspace_id('A'), 'competitive_gap', 'x',
  '{"our_brand": "G", "competitors": [{"name": "X"}], "gap_analysis": {"pricing": ["a"]}, "ownable_differentiator": "d"}') $$,
  '22023', 'body.gap_analysis: unknown keys pricing', 'competitive gap: only the four gap areas');
select throws_ok($$ insert into public.strategy_documents (workspace_id, kind, title, body) values (tests.workspace_id('A'), 'kpi_framework', 'x',
  '{"channels": ["email"], "kpis": [{"name": "Leads", "metric": "leads", "target": 1, "frequency": "hourly"}]}') $$,
  '22023', 'body.kpis[0].frequency: must be daily, weekly, monthly or quarterly', 'KPI framework: known frequencies');
select throws_ok($$ insert into public.strategy_documents (workspace_id, kind, title, body) values (tests.workspace_id('A'), 'kpi_framework', 'x',
  '{"channels": ["email"], "kpis": [{"name": "Leads", "metric": "a", "target": 1, "frequency": "daily"}, {"name": "leads", "metric": "b", "target": 2, "frequency": "daily"}]}') $$,
  '22023', 'body.kpis: KPI names must be unique', 'KPI framework: KPI names are unique');
select throws_ok($$ insert into public.strategy_documents (workspace_id, kind, title, body) values (tests.workspace_id('A'), 'kpi_framework', 'x',
  '{"channels": ["email"], "kpis": [{"name": "L", "metric": "a", "target": 1, "frequency": "daily"}], "is_active": true}') $$,
  '22023', 'body: unknown keys is_active', 'unknown keys are refused, not ignored');
update public.strategy_documents set title = 'Core KPIs 2027' where title = 'Core KPIs';
select is((select version from public.strategy_documents where title = 'Core KPIs 2027'), 1, 'a title change keeps the version');
update public.strategy_documents set body = jsonb_set(body, '{kpis,0,target}', '250') where title = 'Core KPIs 2027';
select is((select version from public.strategy_documents where title = 'Core KPIs 2027'), 2, 'a body change bumps the version');
select throws_ok($$ update public.strategy_documents set kind = 'funnel_design' where title = 'Core KPIs 2027' $$,
  '22023', 'a document''s kind cannot change; create a new document', 'the kind never changes');
update public.strategy_documents set status = 'active' where title = 'Core KPIs 2027';
select throws_ok($$ insert into public.strategy_documents (workspace_id, kind, title, status, body) values (tests.workspace_id('A'), 'kpi_framework', 'Second', 'active',
  '{"channels": ["email"], "kpis": [{"name": "L", "metric": "a", "target": 1, "frequency": "daily"}]}') $$,
  '23505', 'another kpi framework document is already active here; archive it first', 'one active document per kind for the workspace');
select lives_ok($$ insert into public.strategy_documents (workspace_id, kind, title, status, campaign_id, body) values (tests.workspace_id('A'), 'kpi_framework', 'Spring KPIs', 'active',
  tests.id('Spring launch'), '{"channels": ["email"], "kpis": [{"name": "L", "metric": "a", "target": 1, "frequency": "daily"}]}') $$,
  'a campaign may have its own active document of a kind');
select tests.clear_authentication();

select * from finish();
rollback;
