-- Export and erasure of a subject's personal data (issue 21, item 1), for a shop's customer and
-- for one of our users: an export holds every row about them and nothing about anyone else, and
-- erasure leaves none of their personal data. Before, a
-- signed Shopify customers/redact ended completed and deleted the customer row while the
-- customer's email, name and phone stayed in reviews, support tickets and the raw webhook body.
-- Two customers are planted through every path that stores a customer's email, phone and name
-- (orders, the raw webhook log, storefront touchpoints and identification, reviews, tickets,
-- surveys, leads, email contacts, team chat, audit rows, logs); one is erased by Shopify's
-- customers/redact, the other by an admin's request; then a search of every text and JSON column
-- of every table of the database, read from the catalog (so a table added later is searched too),
-- finds none of their values, while a third customer's data is untouched. Then a user of two
-- workspaces with a phone and a name, quoted by themselves and by colleagues across the app, erases
-- their account, and the same search finds none of their email, phone, name or id.
begin;
set search_path = extensions, public;
select plan(28);

select tests.without_demo_data();
select tests.two_workspaces();
insert into public.integration_connections (workspace_id, provider, external_account_id, status)
  values (tests.workspace_id('A'), 'shopify', 'shop-a.myshopify.com', 'active');
insert into public.products (workspace_id, shopify_product_id, shopify_variant_id, title)
  values (tests.workspace_id('A'), 'P1', 'V1', 'Balm');

-- Every text-like column (text, varchar, char, json, jsonb, text[], varchar[]) of every table in
-- every schema of the database (auth, storage, cron and the others included), from the catalog:
-- where do the email, the phone (its digits, whatever the separators) or the name still appear?
create function pg_temp.where_is(p_email text, p_phone text, p_name text, p_id text default null) returns setof text
language plpgsql as $$
declare
  t record;
  n bigint;
  digits text := right(regexp_replace(p_phone, '\D', '', 'g'), 10);
  pattern text := regexp_replace(lower(p_email), '([.+])', '\\\1', 'g')
                  || '|' || regexp_replace(digits, '(\d)(?=\d)', '\1[^0-9a-z]{0,3}', 'g')
                  || '|' || replace(p_name, ' ', '\s+') || coalesce('|' || p_id, '');
begin
  for t in
    select c.oid::regclass as tbl, a.attname as col
    from pg_class c join pg_namespace s on s.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where c.relkind in ('r', 'p') and not c.relispartition
      and s.nspname not in ('pg_catalog', 'information_schema') and s.nspname !~ '^pg_(toast|temp)'
      and a.atttypid in ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype, 'json'::regtype, 'jsonb'::regtype,
                         'text[]'::regtype, 'varchar[]'::regtype)
  loop
    execute format('select count(*) from %s where %I::text ~* $1', t.tbl, t.col) into n using pattern;
    if n > 0 then
      return next t.tbl::text || '.' || t.col || ' (' || n || ')';
    end if;
  end loop;
end $$;

-- One customer's email, phone and name through every path that stores them.
create function pg_temp.plant(p_tag text, p_email text, p_phone text, p_name text, p_sid text, p_ip text) returns void
language plpgsql as $$
declare
  ws uuid := tests.workspace_id('A');
  token text;
  sess uuid := gen_random_uuid();
  lead uuid := gen_random_uuid();
begin
  -- the shop's server (secret key): the order, the post-purchase survey, the sign-in token
  perform tests.authenticate_as_service_role();
  perform public.upsert_orders(ws, jsonb_build_array(jsonb_build_object(
    'shopify_order_id', 'o-' || p_tag, 'order_number', '#' || p_tag, 'email', p_email, 'phone', p_phone,
    'shopify_customer_id', p_sid, 'currency', 'USD', 'total_price_cents', 4200, 'processed_at', now() - interval '1 day',
    'visitor_id', 'vis-' || p_tag,
    'line_items', jsonb_build_array(jsonb_build_object('shopify_product_id', 'P1', 'shopify_variant_id', 'V1',
                                                       'title', 'Balm', 'quantity', 1, 'price_cents', 4200)))));
  perform public.import_survey(ws,
    '[{"id": "q-hear", "prompt": "How did you hear about us?", "kind": "single_choice", "options": ["Friend", "Other"]}]',
    jsonb_build_array(jsonb_build_object('id', 'r-' || p_tag, 'question_id', 'q-hear', 'answers', jsonb_build_array('Other'),
      'other_text', 'a friend; I am ' || p_name || ', text me on ' || p_phone, 'shopify_order_id', 'o-' || p_tag,
      'shopify_customer_id', p_sid, 'email', p_email, 'responded_at', now())));
  select t.token into token from public.create_visitor_identity_token(ws, 'vis-' || p_tag, p_email => p_email) t;
  -- Shopify's raw deliveries: one processed, one waiting for a retry
  perform tests.clear_authentication();
  perform private.store_shopify_webhook('wh-' || p_tag, 'orders/updated', 'shop-a.myshopify.com', repeat('a', 64),
    jsonb_build_object('id', 's-' || p_tag, 'name', '#S' || p_tag, 'email', p_email, 'phone', p_phone, 'currency', 'USD',
      'total_price', '42.00', 'processed_at', now(), 'updated_at', now(),
      'customer', jsonb_build_object('id', p_sid, 'email', p_email, 'phone', p_phone,
                                     'first_name', split_part(p_name, ' ', 1), 'last_name', split_part(p_name, ' ', 2)),
      'shipping_address', jsonb_build_object('name', p_name, 'phone', p_phone, 'address1', '1 Main St')));
  perform private.process_webhook_events();
  perform private.store_shopify_webhook('wh-late-' || p_tag, 'orders/updated', 'shop-a.myshopify.com', repeat('b', 64),
    jsonb_build_object('id', 's-' || p_tag, 'email', p_email, 'note', 'gift for ' || p_name));
  update private.webhook_events set status = 'failed', next_attempt_at = now() + interval '1 hour', error = 'timeout'
  where external_id = 'wh-late-' || p_tag;
  -- the storefront (publishable key) from the customer's address
  perform set_config('request.headers', json_build_object('x-forwarded-for', p_ip)::text, true);
  perform tests.authenticate_as_anon();
  perform public.track_touchpoint(ws, 'vis-' || p_tag, 'https://shop-a.test/?utm_source=ig', null,
                                  jsonb_build_object('fingerprint', 'fp-' || p_tag, 'type', 'mobile'));
  perform public.identify_visitor(ws, 'vis-' || p_tag, token);
  perform public.submit_review(ws, 'P1', 5, 'Love it. ' || p_name || ' here, reach me at ' || p_phone, p_name, p_email, 'Great balm');
  perform public.create_support_ticket(ws, p_email, 'Refund for ' || p_name, 'Please call ' || p_phone || ' or write to ' || p_email,
                                       p_name, 'general', '#' || p_tag);
  perform set_config('request.headers', '', true);
  -- the team: a lead, an email contact, a chat about the customer, a moderation and a ticket move
  perform tests.authenticate_as('member-a');
  insert into public.leads (id, workspace_id, email, first_name, last_name, phone, notes, custom_fields)
  values (lead, ws, p_email, split_part(p_name, ' ', 1), split_part(p_name, ' ', 2), p_phone,
          'met ' || p_name || ' at the fair', jsonb_build_object('alt_phone', p_phone));
  insert into public.lead_activities (workspace_id, lead_id, activity_type, activity_data)
  values (ws, lead, 'email_sent', jsonb_build_object('to', p_email));
  insert into public.email_contacts (workspace_id, email, first_name, last_name, attributes)
  values (ws, p_email, split_part(p_name, ' ', 1), split_part(p_name, ' ', 2), jsonb_build_object('phone', p_phone));
  insert into public.chat_sessions (id, workspace_id, purpose, title) values (sess, ws, 'support', 'About ' || p_name);
  insert into public.chat_messages (workspace_id, session_id, role, content)
  values (ws, sess, 'user', 'Draft a reply to ' || p_name || ' <' || p_email || '>, phone ' || p_phone);
  update public.support_tickets set status = 'in_progress' where workspace_id = ws and lower(requester_email) = lower(p_email);
  update public.reviews set status = 'published' where workspace_id = ws and lower(author_email) = lower(p_email);
  -- a log line of the mailer
  perform tests.clear_authentication();
  insert into public.ops_logs (workspace_id, level, source, message, metadata)
  values (ws, 'info', 'mailer', 'sent the receipt to ' || p_email, jsonb_build_object('phone', p_phone, 'name', p_name));
end $$;

-- The ids of the rows of one table the customer rule's column names for the first customer, by
-- its own values in clear (not the export's hashing).
create function pg_temp.matching_ids(p_table regclass, p_column name, p_kind text) returns table (id text)
language plpgsql as $$
begin
  if not exists (select 1 from pg_attribute a where a.attrelid = p_table and a.attname = 'id') then
    return;
  end if;
  return query execute format('select t.id::text from %s t where t.workspace_id = $1 and %s', p_table,
    case p_kind
      when 'customer' then format('t.%I in (select c.id from public.customers c where c.shopify_customer_id = ''9101'')', p_column)
      when 'email' then format('lower(t.%I) = ''zelda.quixote@example.com''', p_column)
      when 'phone' then format('regexp_replace(t.%I, ''\D'', '''', ''g'') = ''14155550142''', p_column)
      when 'email_hash' then format('t.%I = encode(digest(''zelda.quixote@example.com'', ''sha256''), ''hex'')', p_column)
      when 'phone_hash' then format('t.%I = encode(digest(''+14155550142'', ''sha256''), ''hex'')', p_column)
      when 'visitor' then format('t.%I = ''vis-zq''', p_column)
    end) using tests.workspace_id('A');
end $$;

select pg_temp.plant('zq', 'Zelda.Quixote@example.com', '+1 (415) 555-0142', 'Zelda Quixote', '9101', '198.51.100.41');
select pg_temp.plant('ir', 'ignatius.r@example.org', '+44 20 7946 0958', 'Ignatius Reilly', '9102', '198.51.100.42');
select pg_temp.plant('oo', 'olive.other@example.net', '+1 212 555 0199', 'Olive Other', '9103', '198.51.100.43');

select ok((select count(*) >= 12 from pg_temp.where_is('Zelda.Quixote@example.com', '+1 (415) 555-0142', 'Zelda Quixote')),
  'the first customer''s values landed in many places (the search finds them)');
select ok((select count(*) = 3 from public.visitors v join public.customer_identities i on i.id = v.identity_id
           where v.workspace_id = tests.workspace_id('A')), 'each visitor was identified and stitched');

-- ---------- the first customer's export: every row about them, nothing about anyone else
-- (their own ticket quotes their sister, the third customer: her address and number are masked)
select set_config('request.headers', '{"x-forwarded-for": "198.51.100.44"}', true);
select tests.authenticate_as_anon();
select public.create_support_ticket(tests.workspace_id('A'), 'zelda.quixote@example.com', 'Also for my sister',
  'her address is olive.other@example.net, phone +1 212 555 0199', 'Zelda Quixote');
select set_config('request.headers', '', true);
select tests.authenticate_as('admin-a');
select public.request_customer_export(tests.workspace_id('A'), 'zelda.quixote@example.com');
select tests.authenticate_as_service_role();
create temp table zq_export on commit drop as select document as d from private.claim_privacy_exports(5);
select tests.clear_authentication();
-- Expected, counted in each table the customer rule names, by the subject's own values.
create temp table zq_rows on commit drop as
  select c.table_name::text as tbl, r.id
  from private.customer_data_columns() c,
       lateral pg_temp.matching_ids(c.table_name, c.column_name, c.kind) r;
select is((select count(*)::int from zq_export), 1, 'the admin''s export request gives one document');
select is_empty($$ select tbl || ' ' || id from zq_rows
                   except
                   select k::regclass::text || ' ' || (r ->> 'id') from zq_export, jsonb_each(d -> 'tables') t (k, v), jsonb_array_elements(v) r $$,
  'the export holds every row the personal-data catalog names for the customer');
select ok((select d -> 'tables' ?& array['public.customers', 'public.orders', 'public.order_line_items', 'public.reviews',
             'public.support_tickets', 'public.leads', 'public.email_contacts', 'public.survey_responses', 'public.visitors',
             'public.touchpoints', 'public.customer_devices', 'public.customer_identities'] from zq_export),
  'orders with their line items, reviews, tickets, leads, contacts, survey answers and storefront history are in it');
select ok((select d::text !~* 'olive|212[^0-9]{0,3}555|vis-oo|"9103"|ignatius|20[^0-9]{0,3}7946' from zq_export),
  'nothing about the other customers is in it (the sister''s address and number are masked)');

-- ---------- Shopify: customers/redact for the first
select is(private.store_shopify_webhook('wh-redact-zq', 'customers/redact', 'shop-a.myshopify.com', repeat('c', 64),
  '{"shop_domain": "shop-a.myshopify.com", "customer": {"id": 9101, "email": "zelda.quixote@example.com", "phone": "+14155550142"},
    "orders_to_redact": ["s-zq"]}'), 'accepted', 'customers/redact is accepted');
select is(private.process_webhook_events() ->> 'failed', '0', 'and processed without failure');
select is_empty($$ select * from pg_temp.where_is('Zelda.Quixote@example.com', '+1 (415) 555-0142', 'Zelda Quixote') $$,
  'no text or JSON column of any table holds the redacted customer''s email, phone or name');
select results_eq($$ select status::text, details -> 'erased' ? 'public.reviews' from public.privacy_requests
                     where source = 'shopify' and kind = 'erasure' $$,
  $$ values ('completed', true) $$, 'the request completed and records what went');
select ok((select payload is null and payload_sha256 = repeat('c', 64) from private.webhook_events where external_id = 'wh-redact-zq'),
  'the redact delivery keeps its hash and loses its body');
select results_eq($$ select status::text, payload is null from private.webhook_events where external_id = 'wh-late-zq' $$,
  $$ values ('ignored', true) $$, 'a waiting delivery about the customer loses its body and is not processed later');
select results_eq($$ select author_name, author_email is null, body ~ '\[erased\]', status::text from public.reviews
                     where workspace_id = tests.workspace_id('A') and title = 'Great balm' and author_email is null $$,
  $$ values ('Anonymous', true, true, 'published') $$, 'the review stays, anonymised, its text scrubbed');
select ok((select count(*) = 1 from public.orders where shopify_order_id = 'o-zq' and email_sha256 is null and customer_id is null
           and visitor_id is null), 'the order stays, unlinked from the customer and their visitor');

-- ---------- an admin records the second customer's request (they wrote to the shop)
select tests.authenticate_as('member-a');
select throws_ok($$ select public.request_customer_erasure(tests.workspace_id('A'), 'ignatius.r@example.org') $$, '42501', null,
  'a member cannot record a customer''s erasure');
select tests.authenticate_as('admin-a');
select results_eq($$ select kind::text, status::text, source, subject ? 'email_sha256', subject::text !~* 'ignatius'
                     from public.request_customer_erasure(tests.workspace_id('A'), 'Ignatius.R@example.org', '+44 20 7946 0958',
                                                          null, 'Ignatius Reilly') $$,
  $$ values ('erasure', 'pending', 'admin', true, true) $$, 'an admin records it: pending, the request holds hashes only');
select tests.clear_authentication();
select is(private.process_privacy_erasures(), 1, 'the privacy-erasures job runs it');
select is((select status::text || coalesce(' ' || error, '') from public.privacy_requests where source = 'admin' and kind = 'erasure'), 'completed',
  'completed');
select is_empty($$ select * from pg_temp.where_is('ignatius.r@example.org', '+44 20 7946 0958', 'Ignatius Reilly') $$,
  'no text or JSON column of any table holds the second customer''s email, phone or name');
select is((select count(*)::int from private.privacy_request_subjects), 0, 'the identifiers in clear are not kept');

-- ---------- the third customer is untouched
select results_eq($$ select (select count(*) from public.reviews where author_email = 'olive.other@example.net'),
                            (select count(*) from public.support_tickets where requester_email = 'olive.other@example.net'),
                            (select count(*) from public.leads where email = 'olive.other@example.net'),
                            (select count(*) from public.email_contacts where email = 'olive.other@example.net'),
                            (select count(*) from public.chat_messages where content ~ 'Olive Other'),
                            (select count(*) from public.customers where shopify_customer_id = '9103'),
                            (select count(*) from public.visitors where visitor_id = 'vis-oo' and identity_id is not null) $$,
  $$ values (1::bigint, 1::bigint, 1::bigint, 1::bigint, 1::bigint, 1::bigint, 1::bigint) $$,
  'another customer''s review, ticket, lead, contact, chat, customer row and identity stay');

-- ---------- a user's export and account erasure: their email, phone, name and id, everywhere
create function pg_temp.count_user_rows(p_table regclass, p_column name, p_email boolean) returns bigint
language plpgsql as $$
declare n bigint;
begin
  execute format('select count(*) from %s t where %s', p_table,
                 case when p_email then format('lower(t.%I) = ''quincy.z@example.com''', p_column)
                      else format('t.%I = (select u.id from auth.users u where u.email = ''quincy.z@example.com'')', p_column) end)
    into n;
  return n;
end $$;
select tests.create_user('quincy.z@example.com');
update auth.users set phone = '16465550117', raw_user_meta_data = '{"full_name": "Quincy Zabriskie"}'
where email = 'quincy.z@example.com';
select tests.add_member('A', 'quincy.z@example.com', 'member');
select tests.add_member('B', 'quincy.z@example.com', 'viewer');
insert into public.support_tickets (workspace_id, requester_email, requester_name, subject, body, assigned_to)
values (tests.workspace_id('A'), 'olive.other@example.net', 'Olive Other', 'Where is my parcel', 'Olive asks', tests.user_id('quincy.z@example.com'));
insert into public.slack_users (workspace_id, team_id, slack_user_id, name, real_name, email)
values (tests.workspace_id('A'), 'T1', 'UQ', 'quincy', 'Quincy Zabriskie', 'Quincy.Z@example.com');
insert into public.ops_logs (workspace_id, level, source, message, user_id)
values (tests.workspace_id('B'), 'warn', 'auth', 'Quincy Zabriskie (quincy.z@example.com) signed in from a new device',
        tests.user_id('quincy.z@example.com'));
select tests.authenticate_as('quincy.z@example.com');
insert into public.chat_sessions (id, workspace_id, purpose, title)
values ('c9000000-0000-4000-8000-000000000001', tests.workspace_id('A'), 'chat', 'Quincy''s notes');
insert into public.chat_messages (workspace_id, session_id, role, content)
values (tests.workspace_id('A'), 'c9000000-0000-4000-8000-000000000001', 'user', 'Sign my emails Quincy Zabriskie, +1 646 555 0117');
insert into public.decision_log (workspace_id, domain, decision, rationale)
values (tests.workspace_id('A'), 'growth', 'pause TikTok', 'Quincy Zabriskie decided; call +1-646-555-0117 with questions');
select tests.authenticate_as('admin-a');
update public.workspace_members set role = 'viewer' where user_id = tests.user_id('quincy.z@example.com') and workspace_id = tests.workspace_id('A');
insert into public.decision_log (workspace_id, domain, decision, rationale)
values (tests.workspace_id('A'), 'growth', 'agree', 'as Quincy Zabriskie (quincy.z@example.com) said');
select tests.clear_authentication();
create temp table quincy on commit drop as select tests.user_id('quincy.z@example.com')::text as id;
select ok((select count(*) >= 8 from pg_temp.where_is('quincy.z@example.com', '16465550117', 'Quincy Zabriskie', (select id from quincy))),
  'the user''s values landed in many places');
-- their export: every row the catalog names, whole where it is theirs, the link only where they
-- just touched it (the ticket assigned to them is Olive's), no one else's contacts
create temp table q_export on commit drop as select private.build_user_export((select id::uuid from quincy)) as d;
select is_empty($$ select p.table_name::text from private.personal_data_columns() p
                   where pg_temp.count_user_rows(p.table_name, p.column_name, p.kind = 'email') >
                         coalesce((select jsonb_array_length(e.v) from q_export, jsonb_each(d -> 'tables') e (k, v)
                                   where e.k::regclass = p.table_name), 0) $$,
  'the user''s export holds every row the personal-data catalog names for them');
select ok((select d -> 'tables' -> 'public.chat_messages' -> 0 ->> 'content' ~ 'Quincy Zabriskie'
                  and d -> 'tables' -> 'public.support_tickets' -> 0 ? 'assigned_to'
                  and not (d -> 'tables' -> 'public.support_tickets' -> 0 ? 'requester_email')
                  and d::text !~* 'olive|admin-a|member-a|owner-b' from q_export),
  'their own rows whole, a touched row as its link, nothing about the customer or their colleagues');
select tests.authenticate_as('quincy.z@example.com');
create temp table q_er on commit drop as select * from public.request_account_erasure();
grant select on q_er to authenticated;
select lives_ok($$ select public.confirm_account_erasure((select request_id from q_er), (select confirmation_token from q_er)) $$,
  'the user confirms their erasure');
select tests.clear_authentication();
select is(private.process_privacy_erasures(), 1, 'the erasure job runs it');
select is((select status::text || coalesce(' ' || error, '') from public.privacy_requests where id = (select request_id from q_er)),
  'completed', 'completed');
select is_empty($$ select * from pg_temp.where_is('quincy.z@example.com', '16465550117', 'Quincy Zabriskie', (select id from quincy)) $$,
  'no text or JSON column of any table holds the erased user''s email, phone, name or id');

select * from finish();
rollback;
