-- Surveys and support from the outside: the survey sync (idempotent, validated, capped), answer
-- counts against a recount after inserts, edits and deletes, the feed's order, access; support
-- tickets from the storefront (validation, rate limit, order linking), the status workflow,
-- audit, assignment, Chatwoot status sync, curated replies, and access from every side.
begin;
set search_path = extensions, public;
select plan(65);

select tests.two_workspaces();

-- Answer counts recomputed from responses; rows differing in either direction.
create function pg_temp.answer_drift() returns bigint language sql as $$
  with actual as (select workspace_id, question_id, answer, responses from public.survey_answer_counts),
  expected as (
    select r.workspace_id, r.question_id, a.answer, count(*)::integer
    from public.survey_responses r cross join lateral (select distinct unnest(r.answers) as answer) a
    group by 1, 2, 3
  )
  select count(*) from ((select * from actual except all select * from expected)
                        union all (select * from expected except all select * from actual)) d
$$;
create function pg_temp.response_count_drift() returns bigint language sql as $$
  select count(*) from public.survey_questions q
  where q.response_count <> (select count(*) from public.survey_responses r where r.question_id = q.id)
$$;

grant execute on function pg_temp.answer_drift(), pg_temp.response_count_drift() to authenticated;

-- ==================== surveys ====================
select tests.authenticate_as_service_role();
select public.upsert_orders(tests.workspace_id('A'), $$[
  {"shopify_order_id": "1001", "shopify_customer_id": "c1", "email": "ann@example.test", "currency": "USD", "total_price_cents": 100,
   "processed_at": "2026-11-01T10:00:00Z"}]$$::jsonb);
select results_eq($$ select * from public.import_survey(tests.workspace_id('A'),
  '[{"id": "q1", "prompt": "How did you hear about us?", "kind": "single_choice", "options": ["Instagram", "TikTok", "Friend"]},
    {"id": "q2", "prompt": "What else did you consider?", "kind": "multiple_choice", "options": ["Brand X", "Brand Y"]}]',
  '[{"id": "r1", "question_id": "q1", "answers": ["Instagram"], "shopify_order_id": "1001", "responded_at": "2026-11-01T10:05:00Z"},
    {"id": "r2", "question_id": "q1", "answers": ["Instagram"], "email": "ANN@example.test", "responded_at": "2026-11-02T10:05:00Z"},
    {"id": "r3", "question_id": "q1", "answers": ["Friend"], "other_text": "my sister", "responded_at": "2026-11-03T10:05:00Z"},
    {"id": "r4", "question_id": "q2", "answers": ["Brand X", "Brand Y", "Brand X"], "responded_at": "2026-11-02T12:00:00Z"},
    {"id": "r5", "question_id": "q2", "answers": ["Brand Y"], "responded_at": "2026-11-04T12:00:00Z"}]',
  'cursor-1') $$, $$ values (2, 5, 0, 0) $$, 'the sync stores two questions and five responses');
select tests.clear_authentication();
-- By hand: q1 Instagram 2, Friend 1; q2 Brand X 1 (r4 names it twice, counted once), Brand Y 2.
select results_eq($$ select q.external_id, c.answer, c.responses from public.survey_answer_counts c
                     join public.survey_questions q on q.id = c.question_id
                     where c.workspace_id = tests.workspace_id('A') order by 1, 2 $$,
  $$ values ('q1'::text, 'Friend'::text, 1), ('q1', 'Instagram', 2), ('q2', 'Brand X', 1), ('q2', 'Brand Y', 2) $$,
  'per-question answer counts, each answer once per response');
select results_eq($$ select external_id, response_count, last_response_at from public.survey_questions
                     where workspace_id = tests.workspace_id('A') order by 1 $$,
  $$ values ('q1'::text, 3, '2026-11-03T10:05:00Z'::timestamptz), ('q2', 2, '2026-11-04T12:00:00Z') $$,
  'each question counts its responses and knows the latest');
select results_eq($$ select external_id, order_id is not null, customer_id is not null from public.survey_responses
                     where external_id in ('r1', 'r2', 'r3') and workspace_id = tests.workspace_id('A') order by 1 $$,
  $$ values ('r1'::text, true, false), ('r2', false, true), ('r3', false, false) $$,
  'responses link the order by Shopify id and the customer by email hash');
select results_eq($$ select cursor, responses_synced from public.survey_sync_state where workspace_id = tests.workspace_id('A') $$,
  $$ values ('cursor-1'::text, 5::bigint) $$, 'the sync state keeps the cursor and the count');

select tests.authenticate_as('member-a');
select results_eq($$ select * from public.import_survey(tests.workspace_id('A'), '[]',
  '[{"id": "r1", "question_id": "q1", "answers": ["Instagram"], "shopify_order_id": "1001", "responded_at": "2026-11-01T10:05:00Z"},
    {"id": "r3", "question_id": "q1", "answers": ["TikTok"], "responded_at": "2026-11-03T10:05:00Z"},
    {"id": "r6", "question_id": "q1", "answers": ["TikTok"], "responded_at": "2026-11-05T09:00:00Z"}]', 'cursor-2') $$,
  $$ values (0, 1, 1, 1) $$, 'a member re-syncs: one new response, one changed answer, one unchanged');
select is(pg_temp.answer_drift(), 0::bigint, 'after inserts and an edited answer the counts equal a recount');
select is(pg_temp.response_count_drift(), 0::bigint, 'response counts equal a recount');
delete from public.survey_responses where external_id in ('r2', 'r5');
select is(pg_temp.answer_drift(), 0::bigint, 'after deletes the counts equal a recount (answers nobody chose have no row)');
select is((select count(*)::integer from public.survey_answer_counts where answer = 'Friend'
           and workspace_id = tests.workspace_id('A')), 0, 'Friend, chosen by nobody now, has no row');
select results_eq($$ select id from public.survey_feed where workspace_id = tests.workspace_id('A')
                     order by responded_at desc, id desc limit 3 $$,
  $$ select id from public.survey_responses where external_id in ('r6', 'r3', 'r4') and workspace_id = tests.workspace_id('A')
     order by case external_id when 'r6' then 1 when 'r3' then 2 else 3 end $$,
  'the feed is newest first: r6 (Nov 5), r3 (Nov 3), r4 (Nov 2)');
select throws_ok($$ select * from public.import_survey(tests.workspace_id('A'), '[]',
  '[{"id": "r9", "question_id": "q404", "answers": ["x"], "responded_at": "2026-11-05T09:00:00Z"}]') $$,
  '22023', 'responses: question q404 is unknown; send it in p_questions', 'a response to an unknown question is refused');
select throws_ok($$ select * from public.import_survey(tests.workspace_id('A'), '[]',
  '[{"id": "r9", "question_id": "q1", "answers": ["x"]}]') $$,
  '22023', 'responses[0].responded_at: is required and must be a timestamp', 'a response without a time is refused, naming the field');
select throws_ok($$ select * from public.import_survey(tests.workspace_id('A'), '[]',
  (select jsonb_agg(jsonb_build_object('id', g, 'question_id', 'q1', 'responded_at', '2026-11-05T09:00:00Z')) from generate_series(1, 1001) g)) $$,
  'PT413', null, 'more than 1000 responses per call is refused');
select throws_ok($$ update public.survey_questions set response_count = 99 $$, '42501', null,
  'members cannot write the kept counts');
select lives_ok($$ update public.survey_questions set active = false where external_id = 'q2' $$, 'members deactivate a question');
select tests.authenticate_as('viewer-a');
select throws_ok($$ select * from public.import_survey(tests.workspace_id('A'), '[]', '[]') $$, '42501', null,
  'a viewer cannot sync surveys');
-- By hand after the re-sync (r3 -> TikTok, r6 TikTok) and deleting r2 and r5: q1 Instagram 1 (r1),
-- TikTok 2 (r3, r6); q2 Brand X 1 and Brand Y 1 (both r4).
select results_eq($$ select q.external_id, c.answer, c.responses from public.survey_answer_counts c
                     join public.survey_questions q on q.id = c.question_id
                     where c.workspace_id = tests.workspace_id('A') order by 1, 2 $$,
  $$ values ('q1'::text, 'Instagram'::text, 1), ('q1', 'TikTok', 2), ('q2', 'Brand X', 1), ('q2', 'Brand Y', 1) $$,
  'a viewer reads the answer counts');
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.survey_responses $$, 'B member: A''s responses are invisible');
select is_empty($$ select * from public.survey_feed $$, 'B member: A''s feed is invisible');
select is_empty($$ select * from public.survey_answer_counts $$, 'B member: A''s counts are invisible');
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.survey_responses $$, '42501', null, 'anon cannot read responses');
select throws_ok($$ select * from public.import_survey(tests.workspace_id('A')) $$, '42501', null, 'anon cannot sync');
select tests.clear_authentication();
delete from public.survey_questions where external_id = 'q1' and workspace_id = tests.workspace_id('A');
select is(pg_temp.answer_drift(), 0::bigint, 'deleting a question takes its responses and counts along, no drift');

-- ==================== support tickets from the storefront ====================
select set_config('request.headers', '{"x-forwarded-for": "192.0.2.44"}', true);
select tests.authenticate_as_anon();
select results_eq($$ select status::text from public.create_support_ticket(tests.workspace_id('A'),
                      ' Ann@Example.test ', 'Where is my order?', 'It has been a week.', 'Ann', 'shipping', '#1001') $$,
  $$ values ('open') $$, 'a visitor opens a ticket with an email');
select throws_ok($$ select * from public.create_support_ticket(tests.workspace_id('A'), 'nope', 'S', 'B') $$,
  '22023', 'a valid email address is required', 'an invalid email is refused');
select throws_ok($$ select * from public.create_support_ticket(tests.workspace_id('A'), 'a@b.cd', '', 'B') $$,
  '22023', null, 'a subject is required');
select throws_ok($$ select * from public.create_support_ticket(gen_random_uuid(), 'a@b.cd', 'S', 'B') $$,
  'PT404', null, 'an unknown shop is not found');
select throws_ok($$ select * from public.support_tickets $$, '42501', null, 'anon cannot read tickets');
select public.create_support_ticket(tests.workspace_id('A'), 'eve@example.test', 'Hi', 'two', null, 'general', '#1001');
select public.create_support_ticket(tests.workspace_id('A'), 'eve@example.test', 'Hi', 'three');
select public.create_support_ticket(tests.workspace_id('A'), 'eve@example.test', 'Hi', 'four');
select public.create_support_ticket(tests.workspace_id('A'), 'eve@example.test', 'Hi', 'five');
select throws_ok($$ select * from public.create_support_ticket(tests.workspace_id('A'), 'eve@example.test', 'Hi', 'six') $$,
  'PGRST', null, 'the sixth ticket from one address within the hour is rate limited');
select set_config('request.headers', '{"x-forwarded-for": "192.0.2.45"}', true);
select lives_ok($$ select * from public.create_support_ticket(tests.workspace_id('A'), 'eve@example.test', 'Hi', 'other address') $$,
  'another address may still write');
select tests.clear_authentication();
select results_eq($$ select source::text, requester_email, category::text, order_id = (select id from public.orders where shopify_order_id = '1001'),
                            created_by from public.support_tickets
                     where subject = 'Where is my order?' and workspace_id = tests.workspace_id('A') $$,
  $$ values ('storefront', 'ann@example.test'::text, 'shipping', null::boolean, null::uuid) $$,
  'the ticket is a storefront ticket; #1001 has no order_number here, so nothing is linked');

-- ==================== members work tickets ====================
update public.orders set order_number = '#1001' where shopify_order_id = '1001';
select tests.authenticate_as('member-a');
select throws_ok($$ insert into public.support_tickets (workspace_id, requester_email, subject, body, status)
                    values (tests.workspace_id('A'), 'x@example.test', 'S', 'B', 'closed') $$,
  '42501', null, 'a new ticket cannot be given a status: it starts open');
insert into public.support_tickets (workspace_id, requester_email, subject, body, order_number)
values (tests.workspace_id('A'), 'ANN@example.test', 'Refund', 'Please refund #1001', '#1001'),
       (tests.workspace_id('A'), 'eve@example.test', 'Not mine', 'About #1001', '#1001');
select results_eq($$ select subject, source::text, status::text, created_by, order_id is not null from public.support_tickets
                     where subject in ('Refund', 'Not mine') order by subject $$,
  $$ values ('Not mine'::text, 'app', 'open', tests.user_id('member-a'), false),
            ('Refund', 'app', 'open', tests.user_id('member-a'), true) $$,
  'a member''s ticket is an app ticket; the order is linked only for the customer whose email it carries');
select set_config('test.t1', id::text, true) from public.support_tickets where subject = 'Refund';
update public.support_tickets set status = 'in_progress' where id = current_setting('test.t1')::uuid;
update public.support_tickets set status = 'waiting_on_customer' where id = current_setting('test.t1')::uuid;
update public.support_tickets set status = 'resolved' where id = current_setting('test.t1')::uuid;
select isnt((select resolved_at from public.support_tickets where id = current_setting('test.t1')::uuid), null,
  'open -> in progress -> waiting on customer -> resolved stamps resolved_at');
select throws_ok($$ update public.support_tickets set status = 'in_progress' where id = current_setting('test.t1')::uuid $$,
  'PT409', 'a resolved ticket cannot become in progress', 'a resolved ticket cannot go back to in progress');
update public.support_tickets set status = 'open' where id = current_setting('test.t1')::uuid;
select is((select resolved_at from public.support_tickets where id = current_setting('test.t1')::uuid), null,
  'reopening clears resolved_at');
update public.support_tickets set status = 'closed' where id = current_setting('test.t1')::uuid;
select isnt((select closed_at from public.support_tickets where id = current_setting('test.t1')::uuid), null, 'closing stamps closed_at');
select throws_ok($$ update public.support_tickets set status = 'open' where id = current_setting('test.t1')::uuid $$,
  'PT409', 'a closed ticket cannot be reopened; open a new ticket', 'a closed ticket stays closed');
select lives_ok($$ update public.support_tickets set assigned_to = tests.user_id('viewer-a'), priority = 'high'
                   where subject = 'Not mine' $$, 'a member assigns a ticket to a colleague and raises its priority');
select throws_ok($$ update public.support_tickets set assigned_to = tests.user_id('owner-b') where subject = 'Not mine' $$,
  '22023', 'the assignee must be a member of this workspace', 'a ticket cannot be assigned outside the workspace');
select throws_ok($$ update public.support_tickets set requester_email = 'x@example.test' where subject = 'Not mine' $$,
  '42501', null, 'the requester cannot be changed');
select is_empty($$ delete from public.support_tickets returning id $$, 'members cannot delete tickets');
select tests.clear_authentication();
-- Five status changes of t1, each audited without the requester's email or the message.
select results_eq($$ select string_agg(new_data ->> 'status', ',' order by id), bool_or(new_data ? 'requester_email' or new_data ? 'body')
                     from public.audit_log where table_name = 'support_tickets' and record_id = current_setting('test.t1') $$,
  $$ values ('in_progress,waiting_on_customer,resolved,open,closed'::text, false) $$,
  'every status change is audited, without the email or the message');

select tests.authenticate_as('viewer-a');
select is((select count(*)::integer from public.support_tickets), 8, 'a viewer reads the workspace''s tickets');
select is_empty($$ update public.support_tickets set status = 'closed' returning id $$, 'a viewer cannot work tickets');
select throws_ok($$ insert into public.support_tickets (workspace_id, requester_email, subject, body)
                    values (tests.workspace_id('A'), 'x@example.test', 'S', 'B') $$, '42501', null,
  'a viewer cannot log tickets');
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.support_tickets $$, 'B member: A''s tickets are invisible');
select tests.authenticate_as('admin-a');
select results_eq($$ delete from public.support_tickets where subject = 'Not mine' returning subject $$,
  $$ values ('Not mine'::text) $$, 'an admin deletes a ticket');

-- Chatwoot moves the ticket linked to its conversation.
select tests.authenticate_as('member-a');
insert into public.support_tickets (workspace_id, requester_email, subject, body, chatwoot_conversation_id)
values (tests.workspace_id('A'), 'cw@example.test', 'From chat', 'Hello', '77');
select tests.authenticate_as_service_role();
select private.receive_webhook('chatwoot', 'conversation_status_changed', 'cw-1', repeat('1', 64),
  '{"event": "conversation_status_changed", "id": 77, "status": "resolved"}', tests.workspace_id('A'));
select tests.clear_authentication();
select is((select status::text from public.support_tickets where chatwoot_conversation_id = '77'), 'resolved',
  'a conversation resolved in Chatwoot resolves its ticket');
select tests.authenticate_as_service_role();
select private.receive_webhook('chatwoot', 'conversation_status_changed', 'cw-2', repeat('2', 64),
  '{"event": "conversation_status_changed", "id": 77, "status": "pending"}', tests.workspace_id('A'));
select tests.clear_authentication();
select is((select status::text from public.support_tickets where chatwoot_conversation_id = '77'), 'resolved',
  'a move the workflow forbids (resolved -> waiting) leaves the ticket as it is, without failing the webhook');
select tests.authenticate_as_service_role();
select private.receive_webhook('chatwoot', 'conversation_status_changed', 'cw-3', repeat('3', 64),
  '{"event": "conversation_status_changed", "id": 77, "status": "open"}', tests.workspace_id('A'));
select tests.clear_authentication();
select is((select status::text from public.support_tickets where chatwoot_conversation_id = '77'), 'open',
  'a conversation reopened in Chatwoot reopens its ticket');

-- ==================== GDPR erasure of a shop customer ====================
insert into public.reviews (workspace_id, shopify_product_id, author_name, author_email, rating, body, status)
values (tests.workspace_id('A'), 'P1', 'Ann Example', 'ann@example.test', 4, 'Nice', 'published'),
       (tests.workspace_id('A'), 'P1', 'Bob', 'bob@example.test', 2, 'Meh', 'published');
select tests.authenticate_as_service_role();
select is(private.erase_review_support_contacts(tests.workspace_id('A'), array[private.email_sha256(' ANN@example.test ')]),
  '{"reviews_anonymised": 1, "support_tickets_deleted": 2}'::jsonb,
  'erasing Ann anonymises her review and deletes her two tickets (storefront and Refund)');
select tests.clear_authentication();
select results_eq($$ select author_name, author_email, rating::integer from public.reviews
                     where workspace_id = tests.workspace_id('A') order by rating $$,
  $$ values ('Bob'::text, 'bob@example.test'::text, 2), ('Anonymous', null, 4) $$,
  'her review keeps its rating and text without her name or email; Bob''s is untouched');
select is_empty($$ select 1 from public.support_tickets where requester_email = 'ann@example.test' $$, 'her tickets are gone');

-- ==================== curated replies ====================
select tests.authenticate_as('member-a');
insert into public.support_curated_replies (workspace_id, title, short_code, body, category, tags)
values (tests.workspace_id('A'), 'Where is my order', 'where-is-order', 'Your order ships in 2 days.', 'shipping', '{orders}'),
       (tests.workspace_id('A'), 'Returns', 'returns', 'Returns are free within 30 days.', 'returns', '{}');
select set_config('test.reply', id::text, true) from public.support_curated_replies where short_code = 'returns';
select throws_ok($$ insert into public.support_curated_replies (workspace_id, title, short_code, body)
                    values (tests.workspace_id('A'), 'Again', 'where-is-order', 'x') $$,
  '23505', null, 'short codes are unique per workspace');
select throws_ok($$ insert into public.support_curated_replies (workspace_id, title, short_code, body)
                    values (tests.workspace_id('A'), 'Bad', 'Has Space', 'x') $$,
  '23514', null, 'a short code is lowercase without spaces');
select is(public.record_curated_reply_use((select id from public.support_curated_replies where short_code = 'where-is-order')), 1,
  'a use is counted');
select is(public.record_curated_reply_use((select id from public.support_curated_replies where short_code = 'where-is-order')), 2,
  'and another');
select throws_ok($$ update public.support_curated_replies set usage_count = 100 $$, '42501', null, 'the usage count is not writable');
update public.support_curated_replies set active = false where short_code = 'where-is-order';
select throws_ok($$ select public.record_curated_reply_use((select id from public.support_curated_replies where short_code = 'where-is-order')) $$,
  'PT404', null, 'an inactive reply cannot be used');
select tests.authenticate_as('viewer-a');
select throws_ok($$ insert into public.support_curated_replies (workspace_id, title, short_code, body)
                    values (tests.workspace_id('A'), 'V', 'viewer', 'x') $$, '42501', null, 'a viewer cannot write replies');
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.support_curated_replies $$, 'B member: A''s replies are invisible');
select throws_ok($$ select public.record_curated_reply_use(current_setting('test.reply')::uuid) $$,
  'PT404', null, 'B member: A''s reply cannot be used');
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.support_curated_replies $$, '42501', null, 'anon cannot read replies');
select tests.clear_authentication();

select * from finish();
rollback;
