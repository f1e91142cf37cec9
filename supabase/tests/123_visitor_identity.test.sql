-- identify_visitor is no customer oracle (issue 21, item 6). Before, anon called it with any email,
-- phone or Shopify customer id and got true or false back, and a true stitched the caller's visitor
-- to that customer's identity. Now it takes a token only the shop's server can mint (secret key),
-- bound to one workspace and visitor and expiring, and answers the same whatever matched.
begin;
set search_path = extensions, public;
select plan(17);

select tests.two_workspaces();
insert into public.customers (workspace_id, shopify_customer_id, email_sha256, phone_sha256)
values (tests.workspace_id('A'), '7001', private.email_sha256('ann@example.com'), private.phone_sha256('+1 415 555 0100'));

-- Tokens as the shop's server mints them (the secret key).
select tests.authenticate_as_service_role();
create temp table tok on commit drop as
  select 'ann-phone' as name, (select token from public.create_visitor_identity_token(tests.workspace_id('A'), 'v-phone', p_email => 'Ann@Example.com')) as token
  union all
  select 'stranger', (select token from public.create_visitor_identity_token(tests.workspace_id('A'), 'v-other', p_email => 'nobody@example.com'))
  union all
  select 'ann-by-id', (select token from public.create_visitor_identity_token(tests.workspace_id('A'), 'v-tablet', p_shopify_customer_id => '7001'))
  union all
  select 'ann-in-b', (select token from public.create_visitor_identity_token(tests.workspace_id('B'), 'v-phone', p_email => 'ann@example.com'));
select tests.clear_authentication();
-- an expired token, signed with the real key, and one with a tampered payload
insert into tok select 'expired', s || '.' || private.sign_visitor_identity(s)
  from (select 'v1.' || private.base64url(convert_to(jsonb_build_object('w', tests.workspace_id('A'), 'v', 'v-phone',
          'e', private.email_sha256('ann@example.com'), 'x', floor(extract(epoch from now())) - 1)::text, 'UTF8')) s) x;
insert into tok select 'tampered', 'v1.' || private.base64url(convert_to(jsonb_build_object('w', tests.workspace_id('A'), 'v', 'v-evil',
          'e', private.email_sha256('ann@example.com'), 'x', floor(extract(epoch from now())) + 600)::text, 'UTF8'))
          || '.' || split_part((select token from tok where name = 'ann-phone'), '.', 3);
grant select on tok to anon, authenticated;
create function pg_temp.identify(p_visitor text, p_token text, p_workspace text default 'A') returns text
language sql as $$ select public.identify_visitor(tests.workspace_id(p_workspace), p_visitor, (select token from tok where name = p_token))::text $$;
grant execute on function pg_temp.identify(text, text, text) to anon;

select ok((select token from tok where name = 'ann-phone') !~* 'ann|example|415', 'the token holds no email or phone in clear');

-- ---------- the storefront (anon)
select tests.authenticate_as_anon();
select throws_ok(format($$ select public.identify_visitor(%L, 'v-phone', p_email => 'ann@example.com') $$, tests.workspace_id('A')),
  '42883', null, 'the email-only call is gone: nobody tests an email without proof');
select throws_ok(format($$ select * from public.create_visitor_identity_token(%L, 'v-phone', p_email => 'ann@example.com') $$,
                        tests.workspace_id('A')),
  '42501', null, 'anon cannot mint a token');
select is(pg_temp.identify('v-other', 'stranger'), pg_temp.identify('v-phone', 'ann-phone'),
  'a customer and a stranger get the same answer');
select throws_ok($$ select pg_temp.identify('v-evil', 'ann-phone') $$, '42501',
  'the identity token is not valid for this visitor (forged, expired, or minted for another one)',
  'a token minted for another visitor does not stitch this one');
select throws_ok($$ select pg_temp.identify('v-evil', 'tampered') $$, '42501', null, 'a tampered token is refused');
select throws_ok($$ select pg_temp.identify('v-phone', 'expired') $$, '42501', null, 'an expired token is refused');
select throws_ok($$ select pg_temp.identify('v-phone', 'ann-in-b', 'A') $$, '42501', null, 'another workspace''s token is refused');
select throws_ok($$ select public.identify_visitor(tests.workspace_id('A'), 'v-phone', 'v1.bm9wZQ') $$, '22023', null,
  'a malformed token is 22023');
select lives_ok($$ select pg_temp.identify('v-tablet', 'ann-by-id') $$, 'a token by Shopify customer id');
select tests.clear_authentication();

select is((select count(distinct v.identity_id)::int from public.visitors v
           join public.customer_identities i on i.id = v.identity_id
           join public.customers c on c.id = i.customer_id and c.shopify_customer_id = '7001'
           where v.visitor_id in ('v-phone', 'v-tablet')), 1, 'both of Ann''s visitors are stitched to her identity');
select is((select count(*)::int from public.visitors where visitor_id in ('v-other', 'v-evil') and identity_id is not null), 0,
  'the stranger and the forger are stitched to nothing');
select is((select count(*)::int from public.customers where workspace_id in (tests.workspace_id('A'), tests.workspace_id('B'))), 1,
  'no customer was created');
select is((select count(*)::int from public.visitors where workspace_id = tests.workspace_id('B')), 0, 'nothing happened in B');

-- ---------- signed-in users cannot mint either; the service can, with validation
select tests.authenticate_as('owner-a');
select throws_ok(format($$ select * from public.create_visitor_identity_token(%L, 'v-phone', p_email => 'ann@example.com') $$,
                        tests.workspace_id('A')),
  '42501', null, 'a signed-in user cannot mint a token');
select tests.authenticate_as_service_role();
select throws_ok(format($$ select * from public.create_visitor_identity_token(%L, 'v-phone') $$, tests.workspace_id('A')),
  '22023', null, 'a token names the customer');
select throws_ok(format($$ select * from public.create_visitor_identity_token(%L, 'v-phone', p_email => 'a@b.cd', p_ttl_seconds => 86400) $$,
                        tests.workspace_id('A')),
  '22023', null, 'a token lives at most an hour');

select * from finish();
rollback;
