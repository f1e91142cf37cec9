-- The frontend contract from the outside: nobody raises their own role (an error, not "0 rows"),
-- not even with an open invitation or ownership offer (those are accepted through their RPCs);
-- a member proposes an approval with proposer 'user' and nothing else; the RPC row types are
-- views whose never-null columns are NOT NULL domains, no composite type is left in public, and
-- a NULL where a type promises a value fails the call; select('*') answers on every view; the
-- autopilot counts the spend the campaign monitor counts.
begin;
set search_path = extensions, public;
select plan(27);

select tests.two_workspaces();

-- ---------- one's own role
select tests.authenticate_as('member-a');
select throws_ok($$ update public.workspace_members set role = 'admin' where user_id = (select auth.uid()) $$,
  '42501', 'you cannot raise your own role', 'a member raising their own role is refused with 42501');
select tests.authenticate_as('viewer-a');
select throws_ok($$ update public.workspace_members set role = 'member' where user_id = (select auth.uid()) $$,
  '42501', 'you cannot raise your own role', 'so is a viewer');
select is_empty($$ update public.workspace_members set role = 'owner' where user_id = tests.user_id('member-a') returning 1 $$,
  'a viewer''s update of someone else''s membership matches no row (a filtered write: 0 rows, no error)');
select tests.authenticate_as('member-a');
select results_eq($$ update public.workspace_members set role = 'viewer' where user_id = (select auth.uid()) returning role::text $$,
  $$ values ('viewer') $$, 'stepping down is allowed');
select tests.authenticate_as('owner-a');
select throws_ok($$ update public.workspace_members set role = 'admin' where user_id = (select auth.uid()) $$,
  '23514', null, 'the last owner cannot step down');
select tests.authenticate_as('member-b');
select is_empty($$ update public.workspace_members set role = 'viewer' where user_id = tests.user_id('admin-a') returning 1 $$,
  'another workspace''s memberships are untouched');
select tests.clear_authentication();

-- ---------- a role rises only through the RPC that accepts an invitation or an offer
select tests.add_member('A', 'dana', 'viewer');
select tests.authenticate_as('admin-a');
select lives_ok($$ select public.create_workspace_invitation(tests.workspace_id('A'), 'dana@test.local', 'member') $$,
  'an admin invites a viewer to become a member');
select tests.authenticate_as('dana');
select throws_ok($$ update public.workspace_members set role = 'member' where user_id = (select auth.uid()) $$,
  '42501', null, 'the invitee cannot take the invited role by writing their own membership');
select tests.authenticate_as('owner-a');
select lives_ok(format($$ select public.transfer_workspace_ownership(%L, %L) $$, tests.workspace_id('A'), tests.user_id('admin-a')),
  'the owner offers ownership to an admin');
select tests.authenticate_as('admin-a');
select throws_ok($$ update public.workspace_members set role = 'owner' where user_id = (select auth.uid()) $$,
  '42501', null, 'the recipient cannot make themselves owner by writing their own membership');
select results_eq($$ update public.workspace_members set role = 'viewer' where user_id = tests.user_id('dana') returning role::text $$,
  $$ values ('viewer') $$, 'an admin still changes another member''s row');
select results_eq(format($$ select role::text from public.accept_workspace_ownership(%L) $$, tests.workspace_id('A')),
  $$ values ('owner') $$, 'accepting the offer makes the recipient owner');
select tests.clear_authentication();
select results_eq(format($$ select role::text from public.workspace_members where workspace_id = %L and user_id = %L $$,
                         tests.workspace_id('A'), tests.user_id('owner-a')),
  $$ values ('admin') $$, 'and the offering owner admin, as the RPC does');

-- ---------- proposing an approval as a member
select tests.authenticate_as('admin-a');
select lives_ok($$ insert into public.agent_approvals (workspace_id, action, title, proposer)
  values (tests.workspace_id('A'), 'other', 'try the new hero image', 'user') $$, 'a member may send proposer ''user''');
select results_eq($$ select proposer::text, proposed_by from public.agent_approvals where title = 'try the new hero image' $$,
  $$ values ('user', tests.user_id('admin-a')) $$, 'recorded as the signed-in user');
select throws_ok($$ insert into public.agent_approvals (workspace_id, action, title, proposer)
  values (tests.workspace_id('A'), 'other', 'pose as an agent', 'agent') $$,
  '42501', 'proposer must be ''user'' for a signed-in member (agents and automations propose through the service)',
  'another proposer is refused, naming the column');
select throws_ok($$ insert into public.agent_approvals (workspace_id, action, title, decided_by)
  values (tests.workspace_id('A'), 'other', 'decided already', tests.user_id('admin-a')) $$,
  '42501', null, 'a column outside the grant is still refused');
select tests.clear_authentication();

-- ---------- the RPC row types
select is_empty($$ select t.typname from pg_type t join pg_class c on c.oid = t.typrelid
  where t.typnamespace = 'public'::regnamespace and c.relkind = 'c' $$,
  'no composite type is left in public (the generator makes every attribute of one nullable)');
select is_empty($$ select p.oid::regprocedure::text from pg_proc p join pg_type t on t.oid = p.prorettype
  join pg_class c on c.oid = t.typrelid
  where p.pronamespace = 'public'::regnamespace and c.relkind = 'v' and c.relname like '%\_row'
    and not exists (select 1 from pg_attribute a join pg_type at on at.oid = a.atttypid
                    where a.attrelid = c.oid and a.attnum > 0 and at.typtype = 'd' and at.typnotnull) $$,
  'every RPC row type marks its never-null columns');
select is(
  (select array_agg(a.attname::text order by a.attnum) from pg_attribute a join pg_type t on t.oid = a.atttypid
   where a.attrelid = 'public.ads_blended_roas_row'::regclass and a.attnum > 0 and t.typtype = 'd' and t.typnotnull),
  array['ad_spend_cents', 'platform_revenue_cents', 'order_revenue_cents', 'orders'],
  'ads_blended_roas_row: the sums are never null, the ratios may be');
select is(
  (select p.proretset from pg_proc p where p.oid = 'public.ads_blended_roas(uuid, date, date)'::regprocedure),
  false, 'a one-row RPC returns the row, not a set');
-- The promise is enforced: a private implementation answering NULL where the type says never fails.
create function pg_temp.bad_tile() returns setof private.ads_roas_tile_row language sql as
  $$ select null::bigint, 1::bigint, null::numeric, null::numeric, null::numeric $$;
create function pg_temp.bad_tile_public() returns public.ads_roas_tile_row language sql as
  $$ select * from pg_temp.bad_tile() $$;
select throws_ok($$ select * from pg_temp.bad_tile_public() $$, '23502', null,
  'a NULL in a never-null column fails the call instead of reaching a frontend');
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.product_reviews_row $$, 'a row type view answers [] to a signed-in select(''*'')');
select tests.clear_authentication();

-- ---------- public_demos: the caller's workspaces' published demos
insert into public.demos (workspace_id, name, status) values (tests.workspace_id('A'), 'A draft', 'draft');
select tests.authenticate_as('viewer-a');
select lives_ok($$ select * from public.public_demos $$, 'select(''*'') on public_demos answers a member');
select is_empty($$ select 1 from public.public_demos where workspace_id = tests.workspace_id('A') $$,
  'a draft is not a public demo');
select tests.clear_authentication();

-- ---------- autopilot month spend counts the campaigns' own figures too
insert into public.campaigns (workspace_id, name, status) values (tests.workspace_id('B'), 'Newsletter', 'active');
insert into public.campaign_metrics (workspace_id, campaign_id, day, channel, spend_cents, revenue_cents)
  select tests.workspace_id('B'), c.id, (now() at time zone 'UTC')::date, 'email', 1500, 6000
  from public.campaigns c where c.workspace_id = tests.workspace_id('B') and c.name = 'Newsletter';
select tests.authenticate_as('member-b');
select results_eq($$ select month_spend_cents::bigint, month_revenue_cents::bigint
  from public.get_autopilot_dashboard_stats(tests.workspace_id('B')) $$,
  $$ values (1500::bigint, 6000::bigint) $$, 'the month''s spend and revenue include campaign_metrics');
select results_eq($$ select spend_cents from public.campaign_performance_monitor where name = 'Newsletter' $$,
  $$ values (1500::bigint) $$, 'as the campaign monitor counts them');
select tests.clear_authentication();

select * from finish();
rollback;
