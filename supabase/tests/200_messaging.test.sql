-- Messaging: the email outbox (templates checked when saved, escaping, suppression and consent
-- decided once, batches claimed whole with a frozen key, throttling, dead letters, delivery
-- events rolled up, the signed unsubscribe), who reads and writes the sender settings and the
-- suppression list, Slack's posts and member mapping, Chatwoot replies, and the health checks.
begin;
set search_path = extensions, public;
select plan(43);

select tests.two_workspaces();
update private.email_sender_state set throttled_until = null;
-- claims are global: mail other files left waiting is out of this file's way (rolled back)
update private.email_messages set status = 'failed', finished_at = now(), lease_expires_at = null
where status in ('queued', 'sending');

-- ================= sender settings and suppressions: who reads and writes
select tests.authenticate_as('member-a');
select throws_ok($$ insert into public.email_sender_settings (workspace_id, from_email) values (tests.workspace_id('A'), 'hi@a.test') $$,
  '42501', null, 'a member cannot set the sender');
select tests.authenticate_as('admin-a');
select lives_ok($$ insert into public.email_sender_settings (workspace_id, from_email, from_name, reply_to)
  values (tests.workspace_id('A'), 'hi@a.test', 'Brand A', 'care@a.test') $$, 'an admin sets the sender');
select throws_ok($$ insert into public.email_sender_settings (workspace_id, from_email) values (tests.workspace_id('B'), 'hi@b.test') $$,
  '42501', null, 'not in another workspace');
select throws_ok($$ update public.email_sender_settings set from_name = 'X<script>' $$, '23514', null,
  'a sender name cannot hold header characters');
select tests.authenticate_as('viewer-a');
select results_eq($$ select from_email from public.email_sender_settings $$, $$ values ('hi@a.test') $$, 'a viewer reads it');
select is_empty($$ update public.email_sender_settings set from_email = 'x@a.test' returning 1 $$, 'a viewer changes nothing');
select tests.authenticate_as('member-b');
select is_empty($$ select 1 from public.email_sender_settings $$, 'another workspace sees nothing');
select tests.authenticate_as_anon();
select throws_ok($$ select 1 from public.email_sender_settings $$, '42501', null, 'anon is refused');
select tests.clear_authentication();
select private.suppress_email(tests.workspace_id('A'), 'Gone@A.test', 'bounced', 'no such user');
select tests.authenticate_as('member-a');
select results_eq($$ select email, reason::text from public.email_suppressions $$, $$ values ('gone@a.test', 'bounced') $$,
  'members read the suppression list');
select throws_ok($$ insert into public.email_suppressions (workspace_id, email, reason) values (tests.workspace_id('A'), 'x@a.test', 'unsubscribed') $$,
  '42501', null, 'nobody writes it but the service');
select throws_ok($$ delete from public.email_suppressions $$, '42501', null, 'nor deletes from it');
select tests.authenticate_as('member-b');
select is_empty($$ select 1 from public.email_suppressions $$, 'another workspace''s list is invisible');

-- ================= templates: variables are known when saved; rendering escapes
select tests.authenticate_as('member-a');
select throws_like($$ insert into public.email_templates (workspace_id, name, subject, body_html)
  values (tests.workspace_id('A'), 'T1', 'Hi {{ first_name }}', '<p>{{ coupon }}</p>') $$,
  '%{{ coupon }}%', 'a template using a variable no email provides is refused when saved');
select lives_ok($$ insert into public.email_templates (workspace_id, name, subject, body_html, variable_defaults)
  values (tests.workspace_id('A'), 'T1', 'Hi {{ first_name }}', '<p>{{ coupon }} {{ first_name }}</p>', '{"coupon": "TEN"}') $$,
  'with a default it is kept');
select throws_ok($$ update public.email_templates set variable_defaults = '{}' where name = 'T1' $$, '22023', null,
  'removing the default a template needs is refused');
select tests.clear_authentication();
select is(private.render_email('<p>{{ first_name }}</p>', '{"first_name": "<b>Ann</b> & co"}', true),
  '<p>&lt;b&gt;Ann&lt;/b&gt; &amp; co</p>', 'values are HTML-escaped in HTML');
select is(private.render_email('Hi {{ first_name }}', jsonb_build_object('first_name', E'Ann\r\nBcc: x'), false),
  'Hi Ann Bcc: x', 'line breaks leave subjects');

-- ================= a campaign: suppression and consent decided once, batches claimed whole
select tests.clear_authentication();
insert into public.email_lists (workspace_id, name) values (tests.workspace_id('A'), 'L');
insert into public.email_contacts (workspace_id, email, first_name, status)
select tests.workspace_id('A'), 'c' || n || '@a.test', 'C' || n, 'subscribed' from generate_series(1, 150) n;
insert into public.email_contacts (workspace_id, email, status) values (tests.workspace_id('A'), 'gone@a.test', 'subscribed');
insert into public.email_list_members (workspace_id, list_id, contact_id)
select c.workspace_id, l.id, c.id from public.email_contacts c join public.email_lists l on l.workspace_id = c.workspace_id
where c.workspace_id = tests.workspace_id('A');
insert into public.email_campaigns (workspace_id, name, template_id, list_id, from_email, status)
select tests.workspace_id('A'), 'Launch', t.id, l.id, 'news@a.test', 'draft'
from public.email_templates t, public.email_lists l where t.name = 'T1' and l.workspace_id = t.workspace_id;
update public.email_campaigns set status = 'scheduled', scheduled_for = now() where name = 'Launch';
update public.email_contacts set status = 'unsubscribed' where email = 'c150@a.test';
select is(private.start_due_email_campaigns(), 1, 'a due campaign starts');
select is((select count(*)::int from private.email_messages where kind = 'campaign'), 150,
  'one message per subscribed contact of the list');
select is((select status::text from public.email_campaigns where name = 'Launch'), 'sending', 'the campaign is sending');
create temp table claimed as select * from private.claim_email_batches(10);
grant select on claimed to service_role;
select is((select count(*)::int from claimed), 2, 'two batches: 149 sendable messages in 100 and 49');
select is((select array_agg(jsonb_array_length(messages) order by jsonb_array_length(messages) desc) from claimed), array[100, 49],
  'a campaign batch holds at most 100');
select is((select status::text || ': ' || last_error from private.email_messages where to_email = 'gone@a.test'),
  'suppressed: the address is suppressed (bounced)', 'a bounced address is never claimed');
select ok((select bool_and(m -> 'headers' ->> 'List-Unsubscribe-Post' = 'List-Unsubscribe=One-Click')
           from claimed, jsonb_array_elements(messages) m), 'every campaign email carries the one-click headers');
select is_empty($$ select * from private.claim_email_batches(10) $$, 'a leased batch is not claimed twice');
-- a 429: every claim waits; the attempt does not count
select is(private.finish_email_batch((select batch_key from claimed where jsonb_array_length(messages) = 100), 'throttled', null, 'Resend answered 429',
  now() + interval '1 second'), 100, 'a throttled batch goes back');
select is_empty($$ select * from private.claim_email_batches(10) $$, 'nothing is claimed while the provider throttles');
update private.email_sender_state set throttled_until = now() - interval '1 second';
-- a worker that died after the call: the lease runs out, the same batch comes back with the same key
update private.email_messages set lease_expires_at = now() - interval '1 second' where status = 'sending';
update private.email_messages set next_attempt_at = now() - interval '1 second' where status = 'queued';
select results_eq($$ select batch_key, jsonb_array_length(messages) from private.claim_email_batches(10) order by 1 $$,
  $$ select batch_key, jsonb_array_length(messages) from claimed order by 1 $$,
  'a retried batch has the same key and the same emails');
select is(private.finish_email_batch((select batch_key from claimed where jsonb_array_length(messages) = 100), 'sent',
  array(select 're_' || g from generate_series(1, 100) g)), 100, 'the provider''s ids are recorded in message order');
select is((select provider_message_id from private.email_messages where batch_key = (select batch_key from claimed where jsonb_array_length(messages) = 100)
           order by id limit 1), 're_1', 'the first message has the first id');
select is(private.finish_email_batch((select batch_key from claimed where jsonb_array_length(messages) = 49), 'dead', null, 'Resend answered 422'), 49,
  'a refused batch is a dead letter');
select is((select status::text || '/' || recipients from public.email_campaigns where name = 'Launch'), 'sent/100',
  'the campaign is sent once nothing is left, counting who got it');

-- ================= delivery events roll up; bounces and complaints suppress
select tests.clear_authentication();
select is(private.apply_email_event('{"type": "email.opened", "data": {"email_id": "re_1"}}'), 'processed', 'an open is applied');
select private.apply_email_event('{"type": "email.opened", "data": {"email_id": "re_1"}}');
select private.apply_email_event('{"type": "email.bounced", "data": {"email_id": "re_2", "bounce": {"type": "Permanent", "message": "550"}}}');
select private.apply_email_event('{"type": "email.bounced", "data": {"email_id": "re_3", "bounce": {"type": "Transient", "message": "mailbox full"}}}');
select results_eq($$ select delivered, opens, unique_opens, bounces from public.email_campaigns where name = 'Launch' $$,
  $$ values (1, 2, 1, 2) $$, 'an open proves delivery; opens and bounces are counted');
select is((select array_agg(email order by email) from public.email_suppressions where workspace_id = tests.workspace_id('A')),
  (select array_agg(e order by e) from unnest(array[(select to_email from private.email_messages where provider_message_id = 're_2'),
                                                    'gone@a.test']) e),
  'a permanent bounce suppresses the address, a transient one does not');
select is(private.apply_email_event('{"type": "email.delivered", "data": {"email_id": "unknown"}}'), 'ignored',
  'an event for an email we did not send is ignored');

-- ================= the signed unsubscribe
select is(private.unsubscribe_email(private.unsubscribe_token(tests.workspace_id('A'), 'c5@a.test',
  (select id from public.email_campaigns where name = 'Launch'))), 'unsubscribed', 'a signed link unsubscribes');
select is((select unsubscribes from public.email_campaigns where name = 'Launch'), 1, 'counted once on its campaign');
select throws_ok($$ select private.unsubscribe_email(replace(private.unsubscribe_token(tests.workspace_id('A'), 'c6@a.test'), 'A', 'B')) $$,
  '22023', null, 'a tampered link is refused');
select tests.authenticate_as_anon();
select throws_ok($$ select private.unsubscribe_email('x.y') $$, '42501', null, 'anon cannot call it directly (the function does)');
select tests.authenticate_as('member-a');
select throws_ok($$ select * from private.claim_email_batches(1) $$, '42501', null, 'users cannot claim email');

-- ================= Slack: members by email
select tests.clear_authentication();
insert into public.integration_connections (workspace_id, provider, external_account_id) values (tests.workspace_id('A'), 'slack', 'T0A');
insert into public.slack_users (workspace_id, team_id, slack_user_id, email) values
  (tests.workspace_id('A'), 'T0A', 'U0VIEW', 'viewer-a@a.test'), (tests.workspace_id('A'), 'T0A', 'U0OUT', 'member-b@b.test');
select is(private.slack_member(private.slack_workspace('T0A'), 'U0VIEW'), tests.user_id('viewer-a'),
  'a Slack user is the member with the same email');
select is(private.slack_member(tests.workspace_id('A'), 'U0OUT'), null, 'someone else''s member is nobody here');

select * from finish();

rollback;
