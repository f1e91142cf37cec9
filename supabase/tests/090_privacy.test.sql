-- Privacy from the outside: the catalog rule, export of everything about a user (including a table
-- made during the test), erasure that leaves no id or email behind and runs twice, the request
-- RPCs and their state machine, the worker's steps, retention, and Shopify's GDPR topics.
begin;
set search_path = extensions, public;
select plan(74);

select tests.without_demo_data();  -- counts below are table-wide
select tests.two_workspaces();
-- member-a@a.test is the subject. Their id is kept here: it is still asked for after the erasure.
create temp table ids as select
  tests.user_id('member-a') as member_a, tests.user_id('admin-a') as admin_a, tests.user_id('owner-b') as owner_b,
  tests.workspace_id('A') as ws_a, tests.workspace_id('B') as ws_b;
grant select on ids to authenticated, anon, service_role;

-- ---------- the catalog rule
select ok((select count(*) = 1 from private.personal_data_columns()
           where table_name = 'public.workspace_members'::regclass and column_name = 'user_id'
             and kind = 'user_fk' and erase_action = 'delete'),
  'R1: a foreign key to auth.users ON DELETE CASCADE means the row is the user''s');
select ok((select count(*) = 1 from private.personal_data_columns()
           where table_name = 'public.workspaces'::regclass and column_name = 'created_by' and erase_action = 'set_null'),
  'R1: ON DELETE SET NULL means the row stays, unlinked');
select ok((select count(*) = 1 from private.personal_data_columns()
           where table_name = 'public.audit_log'::regclass and column_name = 'actor_id' and kind = 'user_named'),
  'R2: a uuid named actor_id without a foreign key is a user reference');
select ok((select count(*) = 1 from private.personal_data_columns()
           where table_name = 'public.workspace_invitations'::regclass and column_name = 'email' and kind = 'email'),
  'R3: a column named email is compared with the user''s email');
select ok(not exists (select 1 from private.personal_data_columns()
                      where table_name = 'public.ad_metrics_daily'::regclass or column_name = 'workspace_id'),
  'other uuid columns are not user references');

-- A table a later migration might add: the rule finds it with no code change.
create table public.probe_notes (
  id uuid primary key default gen_random_uuid(),
  written_by uuid,
  body text not null
);
insert into public.probe_notes (written_by, body) values ((select member_a from ids), 'note by member-a'), ((select owner_b from ids), 'note by owner-b');
select ok((select count(*) = 1 from private.personal_data_columns()
           where table_name = 'public.probe_notes'::regclass and column_name = 'written_by' and erase_action = 'set_null'),
  'a table created after the migration is discovered (R2, *_by)');

-- ---------- data about member-a in many places
insert into public.user_preferences (user_id, timezone) values ((select member_a from ids), 'Europe/Paris');
select private.store_user_secret((select member_a from ids), 'openai', 'openai', 'v1.k1.aaaa.bbbb', 'k1', 'x9Zq');
insert into public.workspace_invitations (workspace_id, email, role, invited_by)
  values ((select ws_b from ids), 'member-a@a.test', 'member', (select owner_b from ids));
insert into private.oauth_states (state_hash, user_id, workspace_id, provider, redirect_to, code_verifier_ciphertext)
  values (repeat('e', 64), (select member_a from ids), (select ws_a from ids), 'google_ads', '/settings', 'v1.k1.cccc.dddd');
insert into public.decision_log (workspace_id, domain, actor_id, decision, rationale)
  values ((select ws_a from ids), 'growth', (select member_a from ids), 'raise the budget', 'asked by member-a@a.test'),
         ((select ws_a from ids), 'growth', (select admin_a from ids), 'agree', 'member-a@a.test (' || (select member_a from ids) || ') was right');
with r as (insert into public.videos (workspace_id, created_by, title, duration_seconds)
  values ((select ws_a from ids), (select admin_a from ids), 'Launch', 90) returning id, title)
select tests.remember(title, id) from r;
insert into public.video_comments (workspace_id, video_id, user_id, body, timestamp_seconds)
  values ((select ws_a from ids), tests.id('Launch'), (select member_a from ids), 'love the intro', 3.5);
insert into public.slack_channels (workspace_id, team_id, slack_channel_id, name) values ((select ws_a from ids), 'T1', 'C1', 'general');
insert into public.slack_users (workspace_id, team_id, slack_user_id, name, email)
  values ((select ws_a from ids), 'T1', 'U3', 'mia', 'Member-A@a.test');

select tests.authenticate_as((select member_a from ids));
select set_config('request.headers', '{"x-forwarded-for": "203.0.113.7, 10.0.0.1", "user-agent": "pgtap-browser"}', true);
insert into public.user_privacy_settings (marketing_consent, data_retention_days) values (true, 365);
select results_eq($$ select event::text, host(ip_address), user_agent, details -> 'marketing_consent' ->> 'to'
                     from public.privacy_audit_log $$,
  $$ values ('consent_changed', '203.0.113.7', 'pgtap-browser', 'true') $$,
  'a consent change is in the privacy trail with the client IP (first X-Forwarded-For) and user agent');
select throws_ok($$ update public.user_privacy_settings set data_retention_days = 10 $$, '23514', null,
  'retention below 30 days is refused');
select tests.authenticate_as((select owner_b from ids));
select is_empty($$ select * from public.user_privacy_settings $$, 'nobody else reads a user''s privacy settings');
select is_empty($$ select * from public.privacy_audit_log $$, 'nor their privacy trail');

-- ---------- export
select tests.clear_authentication();
create temp table doc as select private.build_user_export((select member_a from ids)) as d;
select is((select d #>> '{subject,email}' from doc), 'member-a@a.test', 'the export names its subject');
select ok((select d -> 'tables' ?& array['public.workspace_members', 'public.user_preferences', 'public.user_secrets',
            'public.workspace_invitations', 'public.decision_log', 'public.user_privacy_settings', 'private.oauth_states',
            'public.privacy_audit_log', 'public.video_comments', 'public.slack_users', 'public.probe_notes'] from doc),
  'the export has rows from every table that references the user, the new one included');
-- Every table the rule finds with a matching row appears in the document: the expected set is
-- computed independently of the export, by counting in each table directly.
create function pg_temp.matches(p_table regclass, p_col name, p_email boolean) returns bigint
language plpgsql as $f$
declare n bigint;
begin
  if p_email then
    execute format('select count(*) from %s t where lower(t.%I) = $1', p_table, p_col) into n using 'member-a@a.test';
  else
    execute format('select count(*) from %s t where t.%I = $1', p_table, p_col) into n using tests.user_id('member-a');
  end if;
  return n;
end $f$;
select is((select array_agg(k::regclass::text order by k::regclass::text) from doc, jsonb_object_keys(d -> 'tables') k),
  (select array_agg(t::text order by t::text) from (select distinct p.table_name as t from private.personal_data_columns() p
                                                     where pg_temp.matches(p.table_name, p.column_name, p.kind = 'email') > 0) x),
  'exactly the tables holding a matching row are exported');
select is((select jsonb_array_length(d -> 'tables' -> 'public.probe_notes') from doc), 1, 'only the user''s rows of a table');
select ok((select not (d -> 'tables' -> 'private.oauth_states' -> 0 ?| array['state_hash', 'code_verifier_ciphertext'])
              and d -> 'tables' -> 'private.oauth_states' -> 0 ->> 'redirect_to' = '/settings'
              and d -> 'tables' -> 'public.user_secrets' -> 0 ->> 'hint' = 'x9Zq'
              and not (d -> 'tables' ? 'private.user_secret_values') from doc),
  'secret columns (state_hash, code_verifier_ciphertext) are left out, the rest kept; secret values are not exported');

-- ---------- requests: the user's RPCs
select tests.authenticate_as((select member_a from ids));
create temp table req as select public.request_data_export() as id;
grant select on req to authenticated, service_role;
select throws_ok($$ select public.request_data_export() $$, 'PT409', null, 'one open export at a time');
select results_eq($$ select kind::text, status::text, source, user_id = (select member_a from ids) from public.privacy_requests $$,
  $$ values ('export', 'pending', 'user', true) $$, 'the user sees their request');
select results_eq($$ select status::text from public.data_export_requests $$, $$ values ('pending') $$,
  'and through the data_export_requests view');
select tests.authenticate_as((select admin_a from ids));
select is_empty($$ select * from public.privacy_requests $$, 'an admin does not see a user''s own account requests');
select tests.authenticate_as_anon();
select throws_ok($$ select public.request_data_export() $$, '42501', null, 'anon cannot make requests');
select tests.authenticate_as('owner-a');
select throws_ok($$ select * from public.request_account_erasure() $$, 'PT409',
  'you are the only owner of A: transfer ownership or delete the workspace first',
  'the only owner of a workspace cannot be erased');

-- ---------- the worker builds, stores and expires the export
select tests.authenticate_as_service_role();
create temp table claimed as select * from private.claim_privacy_exports(5);
select results_eq($$ select request_id = (select id from req), bucket, object_path from claimed $$,
  $$ values (true, 'data-exports', 'account/' || (select id from req) || '.json') $$,
  'the worker claims the export and gets where to store it');
select ok((select document -> 'tables' ? 'public.probe_notes' from claimed), 'the claimed document is the full export');
select is((select status::text from public.privacy_requests where id = (select id from req)), 'processing', 'claimed means processing');
select is_empty($$ select * from private.claim_privacy_exports(5) $$, 'a claimed export is not claimed twice');
select is(private.finish_privacy_export((select id from req), null, 'storage unreachable')::text, 'pending',
  'a failed upload goes back to pending');
select lives_ok($$ select private.claim_privacy_exports(5) $$, 'claimed again');
select is(private.finish_privacy_export((select id from req), 4242)::text, 'completed', 'a stored document completes the request');
select ok((select download_expires_at between now() + interval '6 days 23 hours' and now() + interval '7 days 1 minute'
                  and export_bytes = 4242 and attempts = 2 from public.privacy_requests where id = (select id from req)),
  'downloadable for 7 days; two attempts counted');
select throws_ok($$ update public.privacy_requests set status = 'processing' where id = (select id from req) $$, 'PT409',
  'a privacy request cannot move from completed to processing', 'completed is final');
select tests.authenticate_as((select member_a from ids));
select results_eq($$ select private.downloadable_exports() $$, $$ select 'account/' || (select id from req) || '.json' $$,
  'the requester may download their document');
select results_eq($$ select event::text from public.privacy_audit_log order by id $$,
  $$ values ('consent_changed'), ('export_requested'), ('export_completed') $$, 'each step is in the user''s trail');
select tests.authenticate_as((select admin_a from ids));
select is_empty($$ select private.downloadable_exports() $$, 'nobody else may');
select tests.clear_authentication();
update public.privacy_requests set download_expires_at = now() - interval '1 second' where id = (select id from req);
select results_eq($$ select request_id, object_path from private.claim_export_removals() $$,
  $$ select (select id from req), 'account/' || (select id from req) || '.json' $$, 'an expired document is due for removal');
select is(private.finish_export_removals(array[(select id from req)]), 1, 'and marked removed once deleted from storage');
select is_empty($$ select * from private.claim_export_removals() $$, 'nothing left to remove');

-- ---------- erasure: request, confirm, run
select tests.authenticate_as((select member_a from ids));
create temp table er as select * from public.request_account_erasure();
grant select on er to authenticated, service_role;
select ok((select confirmation_token ~ '^[0-9a-f]{64}$' and confirm_by > now() + interval '23 hours' from er),
  'an erasure request returns a one-time token valid 24 hours');
select throws_ok($$ select public.confirm_account_erasure((select request_id from er), repeat('0', 64)) $$, '42501',
  'the confirmation token does not match', 'a wrong token is refused');
select throws_ok($$ select public.confirm_account_erasure((select request_id from er), 'short') $$, '22023', null,
  'a malformed token is a 400');
select tests.clear_authentication();
select is(private.process_privacy_erasures(), 0, 'an unconfirmed erasure does not run');
select tests.authenticate_as((select member_a from ids));
select ok((select confirmed_at is not null from public.confirm_account_erasure((select request_id from er), (select confirmation_token from er))),
  'the right token confirms');
select throws_ok($$ select public.confirm_account_erasure((select request_id from er), (select confirmation_token from er)) $$, 'PT409',
  null, 'and only once');
select tests.clear_authentication();
select set_config('request.headers', '', true);  -- the job runs from pg_cron, outside any request
select is(private.process_privacy_erasures(), 1, 'the erasure job runs the confirmed request');
select results_eq($$ select status::text, user_id, requested_by, error from public.privacy_requests where id = (select request_id from er) $$,
  $$ values ('completed', null::uuid, null::uuid, null::text) $$, 'the request completed and no longer names the user');
select ok(not exists (select 1 from auth.users where id = (select member_a from ids)), 'the account is gone');
select is_empty($$ select * from private.personal_value_locations(array[(select member_a::text from ids), 'member-a@a.test']) $$,
  'no text, JSON or uuid column in public or private holds the user''s id or email any more');
select ok((select count(*) = 1 from public.probe_notes where written_by is null and body = 'note by member-a')
          and (select count(*) = 1 from public.probe_notes where written_by = (select owner_b from ids)),
  'rows the user only wrote stay, unlinked; others'' rows are untouched');
select ok(not exists (select 1 from public.user_preferences where user_id = (select member_a from ids))
          and not exists (select 1 from public.video_comments where body = 'love the intro')
          and not exists (select 1 from public.workspace_invitations where email = 'member-a@a.test'),
  'rows that were the user''s are deleted (preferences, comments, invitations to their email)');
select results_eq($$ select rationale from public.decision_log where actor_id = tests.user_id('admin-a') $$,
  $$ values ('[erased] ([erased]) was right') $$, 'mentions in free text are scrubbed, the rest of the text kept');
select ok((select email is null and name = 'mia' from public.slack_users where slack_user_id = 'U3'), 'a cached Slack profile loses the email');
select ok((select count(*) >= 5 and bool_and(user_id is null and ip_address is null and user_agent is null)
           from public.privacy_audit_log where subject_sha256 = private.sha256_hex((select member_a::text from ids))),
  'the privacy trail stays, pseudonymous: subject hash, no id, IP or user agent');
select ok((select details -> 'erased' -> 'public.profiles' -> 'id' ->> 'delete' = '1'
                  and details -> 'erased' -> 'public.probe_notes' -> 'written_by' ->> 'set_null' = '1'
           from public.privacy_requests where id = (select request_id from er)),
  'the request records what was erased per table (the profile deleted, the note unlinked)');
select is(private.erase_user((select member_a from ids)), '{}'::jsonb, 'a second run finds nothing and changes nothing');

-- ---------- lapsed confirmations
select tests.authenticate_as('member-b');
create temp table er2 as select * from public.request_account_erasure();
grant select on er2 to authenticated, service_role;
select tests.clear_authentication();
update public.privacy_requests set confirm_by = now() - interval '1 minute' where id = (select request_id from er2);
select is(private.process_privacy_erasures(), 0, 'an unconfirmed request is not erased');
select results_eq($$ select status::text, details ->> 'reason' from public.privacy_requests where id = (select request_id from er2) $$,
  $$ values ('rejected', 'not confirmed in time') $$, 'it lapses as rejected');

-- ---------- created_by only becomes null once its user is gone
insert into public.video_folders (workspace_id, name, created_by)
  values ((select ws_a from ids), 'Ads', (select admin_a from ids));
select throws_ok($$ update public.video_folders set created_by = null where name = 'Ads' $$,
  '42501', 'created_by cannot change once a row exists', 'created_by is fixed while its user exists');

-- ---------- retention by the user's data_retention_days
insert into public.user_privacy_settings (user_id, data_retention_days) values ((select admin_a from ids), 30);
insert into public.video_comments (workspace_id, video_id, user_id, body) values
  ((select ws_a from ids), tests.id('Launch'), (select admin_a from ids), 'old admin-a'),
  ((select ws_a from ids), tests.id('Launch'), (select admin_a from ids), 'new admin-a'),
  ((select ws_a from ids), tests.id('Launch'), tests.user_id('viewer-a'), 'old viewer-a');
set local session_replication_role = replica;
update public.video_comments set created_at = now() - interval '40 days' where body in ('old admin-a', 'old viewer-a');
set local session_replication_role = origin;
-- admin-a keeps 30 days: 'old admin-a' (40 days) goes; viewer-a has no settings (730 days): 'old viewer-a' stays.
select is(private.purge_personal_data() -> 'public.video_comments', '1'::jsonb, 'one comment is past its author''s window');
select results_eq($$ select body from public.video_comments order by body $$, $$ values ('new admin-a'), ('old viewer-a') $$,
  'a user''s setting shortens what is kept about them only');
select results_eq($$ select table_name::text collate "C", time_column::text collate "C" from private.personal_data_retention order by 1 $$,
  $$ values ('chat_messages'::text collate "C", 'created_at'::text collate "C"), ('secret_audit_logs', 'created_at'),
            ('user_analytics_events', 'occurred_at'), ('video_comments', 'created_at') $$,
  'event history about a user is registered for their retention window');
select ok((select count(*) = 3 from cron.job where jobname in ('personal-data-retention', 'privacy-erasures', 'slack-retention')),
  'pg_cron runs retention, erasures and the Slack purge');

-- ---------- Shopify: customers/data_request runs the export and reaches the shop
insert into public.integration_connections (workspace_id, provider, external_account_id, status)
  values ((select ws_a from ids), 'shopify', 'shop-a.myshopify.com', 'active');
select public.upsert_orders((select ws_a from ids), '[
  {"shopify_order_id": "9001", "email": "Buyer@Example.com", "shopify_customer_id": "77", "currency": "USD",
   "total_price_cents": 500, "processed_at": "2026-11-01T00:00:00Z",
   "line_items": [{"shopify_variant_id": "v1", "title": "Balm", "quantity": 2, "price_cents": 250}]},
  {"shopify_order_id": "9002", "email": "other@example.com", "currency": "USD", "total_price_cents": 100,
   "processed_at": "2026-11-02T00:00:00Z"}]');
insert into public.webhook_endpoints (workspace_id, url, events)
  values ((select ws_a from ids), 'https://hooks.example.com/x',
          '{privacy_request.created,privacy_request.completed}');
-- The webhooks function stores the delivery (private.store_shopify_webhook); webhook-process runs it.
select is(private.store_shopify_webhook('wh-1', 'customers/data_request', 'shop-a.myshopify.com', repeat('a', 64),
  '{"customer": {"id": 77, "email": "buyer@example.com"}, "orders_requested": [9001], "data_request": {"id": 5}}'), 'accepted',
  'the data request is accepted');
select is(private.process_webhook_events() ->> 'processed', '1', 'and processed');
create temp table shop_req as select id from public.privacy_requests where source = 'shopify' and kind = 'export';
grant select on shop_req to authenticated, service_role;
create temp table shop_claim as select * from private.claim_privacy_exports(5);
select results_eq($$ select object_path from shop_claim $$,
  $$ select (select ws_a from ids) || '/privacy/' || (select id from shop_req) || '.json' $$, 'stored under the shop''s workspace');
-- Expected: the customer (77), their order 9001 (not 9002) and its one line item.
select results_eq($$ select jsonb_array_length(document -> 'tables' -> 'public.customers'), jsonb_array_length(document -> 'tables' -> 'public.orders'),
                            document #>> '{tables,public.orders,0,shopify_order_id}', jsonb_array_length(document -> 'tables' -> 'public.order_line_items')
                     from shop_claim $$,
  $$ values (1, 1, '9001', 1) $$, 'the customer export holds the customer, their order and its line items only');
select private.finish_privacy_export((select id from shop_req), 900);
select results_eq($$ select event_type from public.webhook_deliveries where endpoint_id = (select id from public.webhook_endpoints where url = 'https://hooks.example.com/x') order by id $$,
  $$ values ('privacy_request.created'), ('privacy_request.completed') $$, 'the shop''s endpoint hears of the request and its completion');
select tests.authenticate_as((select admin_a from ids));
select results_eq($$ select private.downloadable_exports() $$,
  $$ select (select ws_a from ids) || '/privacy/' || (select id from shop_req) || '.json' $$, 'the shop''s admins may download it');
select tests.authenticate_as('viewer-a');
select is_empty($$ select private.downloadable_exports() $$, 'a viewer may not');

-- ---------- shop/redact erases the shop's commerce, ad and inventory data, in that workspace only
select tests.clear_authentication();
insert into public.products (workspace_id, shopify_product_id, shopify_variant_id, title) values ((select ws_b from ids), 'p', 'v', 'B product');
insert into public.ad_campaigns (workspace_id, platform, external_id, name) values
  ((select ws_a from ids), 'meta', 'c1', 'A campaign'), ((select ws_b from ids), 'meta', 'c1', 'B campaign');
insert into public.inventory_snapshots (workspace_id, product_id, day, on_hand)
  select workspace_id, id, '2026-11-01', 5 from public.products where workspace_id in ((select ws_a from ids), (select ws_b from ids));
-- Shopify sends shop/redact 48 hours after app/uninstalled revoked the connection.
select private.store_shopify_webhook('wh-u', 'app/uninstalled', 'shop-a.myshopify.com', repeat('c', 64), '{"domain": "shop-a.myshopify.com"}');
select private.process_webhook_events();
select is(private.store_shopify_webhook('wh-2', 'shop/redact', 'shop-a.myshopify.com', repeat('b', 64), '{"shop_domain": "shop-a.myshopify.com"}'),
  'accepted', 'shop/redact reaches the workspace of the shop''s revoked connection');
select is(private.store_shopify_webhook('wh-3', 'orders/create', 'shop-a.myshopify.com', repeat('d', 64), '{"id": 1}'),
  'ignored', 'while ordinary topics for the uninstalled shop are ignored');
select is(private.process_webhook_events() ->> 'processed', '1', 'shop/redact is processed');
select results_eq($$ select (select count(*) from public.orders where workspace_id = (select ws_a from ids)),
                            (select count(*) from public.products where workspace_id = (select ws_a from ids)),
                            (select count(*) from public.ad_campaigns where workspace_id = (select ws_a from ids)),
                            (select count(*) from public.inventory_snapshots where workspace_id = (select ws_a from ids)),
                            (select count(*) from public.customers where workspace_id = (select ws_a from ids)) $$,
  $$ values (0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint) $$, 'orders, products, ad and inventory data of the shop are gone');
select results_eq($$ select (select count(*) from public.products where workspace_id = (select ws_b from ids)),
                            (select count(*) from public.ad_campaigns where workspace_id = (select ws_b from ids)),
                            (select count(*) from public.inventory_snapshots where workspace_id = (select ws_b from ids)) $$,
  $$ values (1::bigint, 1::bigint, 1::bigint) $$, 'another workspace keeps its data');
select results_eq($$ select external_id from private.webhook_events where workspace_id = (select ws_a from ids) $$,
  $$ values ('wh-2') $$, 'the shop''s raw deliveries are deleted (data request, uninstall), the redact event kept as the record');
select results_eq($$ select details -> 'erased' ->> 'public.orders', details -> 'erased' ->> 'public.ad_campaigns', details ->> 'customers_erased'
                     from public.privacy_requests where source = 'shopify' and kind = 'erasure' $$,
  $$ values ('2', '1', '2') $$,
  'the erasure request counts what went: 2 orders, 1 campaign, 2 customers (upsert_orders made one for customer 77, one for the guest email)');

select * from finish();
rollback;
