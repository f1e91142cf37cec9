-- Platform tables from the outside: owner, admin, member and viewer of workspace A, a member of
-- workspace B, anon and service_role.
begin;
set search_path = extensions, public;
select plan(58);
select tests.without_demo_data();

-- ---------- fixtures, as the table owner
select tests.two_workspaces();
select tests.create_user('invitee@x.test');
insert into public.decision_log (workspace_id, domain, decision) values
  (tests.workspace_id('A'), 'inventory', 'reorder SKU-1');
insert into public.user_preferences (user_id, timezone) values (tests.user_id('owner-a'), 'Europe/Berlin');

select results_eq(
  $$ select role::text from public.workspace_members where user_id = tests.user_id('owner-a') $$,
  $$ values ('owner') $$, 'creating a workspace makes its creator the owner');

-- ---------- a member of workspace B sees and changes nothing of A
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.workspaces where id = tests.workspace_id('A') $$,
  'B member: A is invisible');
select is_empty($$ select * from public.workspace_members where workspace_id = tests.workspace_id('A') $$,
  'B member: A''s members are invisible');
select is_empty($$ select * from public.decision_log $$, 'B member: A''s decisions are invisible');
select is_empty($$ select * from public.user_preferences $$, 'B member: other users'' preferences are invisible');
select is_empty($$ select * from public.audit_log $$, 'B member: no audit entries (not an admin anywhere)');
select throws_ok($$ insert into public.workspace_members (workspace_id, user_id, role)
  values (tests.workspace_id('A'), tests.user_id('member-b'), 'viewer') $$,
  '42501', null, 'B member: cannot add themselves to A');
select throws_ok($$ insert into public.decision_log (workspace_id, domain, decision)
  values (tests.workspace_id('A'), 'ops', 'x') $$,
  '42501', null, 'B member: cannot write A''s decision log');
select is_empty($$ update public.workspaces set name = 'pwned' where id = tests.workspace_id('A') returning id $$,
  'B member: updating A touches nothing');
select is_empty($$ update public.workspace_members set role = 'viewer' where workspace_id = tests.workspace_id('A') returning user_id $$,
  'B member: changing A''s roles touches nothing');
select is_empty($$ delete from public.workspace_members where workspace_id = tests.workspace_id('A') returning user_id $$,
  'B member: removing A''s members touches nothing');
select is_empty($$ delete from public.workspaces where id = tests.workspace_id('A') returning id $$,
  'B member: deleting A touches nothing');
select throws_ok($$ select * from public.create_workspace_invitation(tests.workspace_id('A'), 'x@y.test', 'viewer') $$,
  '42501', null, 'B member: cannot invite to A');
select throws_ok($$ insert into public.user_preferences (user_id) values (tests.user_id('owner-a')) $$,
  '42501', null, 'B member: cannot write another user''s preferences');
select throws_ok($$ insert into public.user_preferences (user_id, default_workspace_id)
  values (tests.user_id('member-b'), tests.workspace_id('A')) $$,
  '42501', null, 'B member: cannot point their default workspace at A');
select throws_ok($$ insert into public.workspaces (name, slug, created_by)
  values ('C', 'ws-c', tests.user_id('owner-a')) $$,
  '42501', null, 'nobody creates a workspace in another user''s name');
create temp table ws_c on commit drop as select * from public.create_workspace('C', 'ws-c');
select is((select role::text from public.workspace_members where workspace_id = (select id from ws_c)),
  'owner', 'create_workspace makes the caller owner');

-- ---------- anon reads nothing and calls nothing
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.workspaces $$, '42501', null, 'anon cannot read workspaces');
select throws_ok($$ select * from public.workspace_members $$, '42501', null, 'anon cannot read members');
select throws_ok($$ select * from public.workspace_invitations $$, '42501', null, 'anon cannot read invitations');
select throws_ok($$ select * from public.audit_log $$, '42501', null, 'anon cannot read the audit log');
select throws_ok($$ select * from public.decision_log $$, '42501', null, 'anon cannot read the decision log');
select throws_ok($$ select * from public.user_preferences $$, '42501', null, 'anon cannot read preferences');
select throws_ok($$ select public.accept_workspace_invitation(repeat('a', 64)) $$, '42501', null,
  'anon cannot call accept_workspace_invitation');
select tests.clear_authentication();
select is_empty($$ select c.relname from pg_class c where c.relnamespace = 'public'::regnamespace
  and c.relkind in ('r', 'p', 'v', 'm') and has_table_privilege('anon', c.oid, 'select, insert, update, delete') $$,
  'anon has no table privilege in public at all');

-- ---------- viewer of A reads, writes nothing
select tests.authenticate_as('viewer-a');
select results_eq($$ select name from public.workspaces $$, $$ values ('A') $$, 'viewer: sees their workspace');
select is((select count(*)::int from public.workspace_members), 4, 'viewer: sees A''s four members');
select throws_ok($$ insert into public.decision_log (workspace_id, domain, decision)
  values (tests.workspace_id('A'), 'ops', 'x') $$, '42501', null, 'viewer: cannot record decisions');
select is_empty($$ update public.workspaces set name = 'x' returning id $$, 'viewer: cannot rename the workspace');

-- ---------- member of A writes day-to-day data, manages nobody
select tests.authenticate_as('member-a');
select lives_ok($$ insert into public.decision_log (workspace_id, domain, decision)
  values (tests.workspace_id('A'), 'growth', 'raise budget') $$, 'member: records a decision');
select is((select actor_id from public.decision_log where decision = 'raise budget'),
  tests.user_id('member-a'), 'member: a decision is recorded under the caller');
select throws_ok($$ insert into public.decision_log (workspace_id, domain, decision, actor_id)
  values (tests.workspace_id('A'), 'growth', 'y', tests.user_id('owner-a')) $$,
  '42501', null, 'member: cannot record a decision as someone else');
select throws_ok($$ update public.workspace_members set role = 'admin'
  where user_id = tests.user_id('member-a') returning role $$, '42501', 'you cannot raise your own role',
  'member: cannot raise their own role');
select throws_ok($$ insert into public.workspace_members (workspace_id, user_id, role)
  values (tests.workspace_id('A'), tests.user_id('member-b'), 'viewer') $$,
  '42501', null, 'member: cannot add members');

-- ---------- admin of A manages members below owner, never above their own role
select tests.authenticate_as('admin-a');
select throws_ok($$ update public.workspace_members set role = 'owner' where user_id = tests.user_id('admin-a') $$,
  '42501', 'you cannot raise your own role', 'admin: cannot raise their own role');
select throws_ok($$ update public.workspace_members set role = 'member' where user_id = tests.user_id('owner-a') $$,
  '42501', null, 'admin: cannot demote the owner');
select throws_ok($$ update public.workspace_members set role = 'owner' where user_id = tests.user_id('member-a') $$,
  '42501', null, 'admin: cannot make someone owner');
select throws_ok($$ update public.workspace_members set user_id = tests.user_id('member-b')
  where user_id = tests.user_id('member-a') $$, '42501', null, 'admin: cannot move a membership to another user');
select results_eq($$ update public.workspace_members set role = 'viewer'
  where user_id = tests.user_id('member-a') returning role::text $$, $$ values ('viewer') $$,
  'admin: changes a member''s role');
select is_empty($$ delete from public.workspaces returning id $$, 'admin: cannot delete the workspace');
select throws_ok($$ update public.workspaces set created_by = tests.user_id('admin-a') $$,
  '42501', null, 'admin: created_by cannot be changed');
select throws_ok($$ select * from public.create_workspace_invitation(tests.workspace_id('A'), 'x@y.test', 'owner') $$,
  '42501', null, 'admin: cannot invite an owner');
create temp table inv on commit drop as
  select * from public.create_workspace_invitation(tests.workspace_id('A'), 'Invitee@X.test', 'member');
select ok((select count(*) = 1 and bool_and(token ~ '^[0-9a-f]{64}$') from inv), 'admin: invites and gets the token once');
select ok((select count(*) > 0 from public.audit_log where table_name = 'workspace_members'), 'admin: reads A''s audit log');
select ok(not exists (select 1 from public.audit_log where new_data ? 'token_hash' or old_data ? 'token_hash'),
  'the audit log never holds invitation token hashes');
select hasnt_column('public', 'workspace_invitations', 'token_hash', 'invitation token hashes are not in the public table');
select throws_ok($$ select * from private.invitation_tokens $$, '42501', null, 'nobody reads invitation token hashes through the API');

-- ---------- invitations are bound to the email, single use
select tests.authenticate_as('member-b');
select throws_ok(format('select public.accept_workspace_invitation(%L)', (select token from inv)),
  '42501', 'this invitation was sent to another email address', 'another user cannot accept the invitation');
select tests.authenticate_as('invitee@x.test');
select is(public.accept_workspace_invitation((select token from inv)), tests.workspace_id('A'),
  'the invitee joins with the token');
select throws_ok(format('select public.accept_workspace_invitation(%L)', (select token from inv)),
  'PT409', 'this invitation has already been used', 'a used token is refused (409)');
select throws_ok($$ select public.accept_workspace_invitation(repeat('ab', 32)) $$, 'PT404', 'no invitation has this token',
  'an unknown token is 404');
select throws_ok($$ select public.accept_workspace_invitation('not-a-token') $$, '22023', null, 'a malformed token is 400');

-- ---------- owner: the last owner stays; ownership transfers
select tests.authenticate_as('owner-a');
select throws_ok($$ delete from public.workspace_members where user_id = tests.user_id('owner-a') $$,
  '23514', null, 'owner: the last owner cannot leave');
select lives_ok($$ select public.transfer_workspace_ownership(tests.workspace_id('A'), tests.user_id('admin-a')) $$,
  'owner: transfers ownership to the admin');
select tests.authenticate_as('admin-a');
select public.accept_workspace_ownership(tests.workspace_id('A'));
select results_eq($$ select user_id, role::text from public.workspace_members where role in ('owner', 'admin') order by role $$,
  $$ values (tests.user_id('owner-a'), 'admin'), (tests.user_id('admin-a'), 'owner') $$,
  'after the transfer the old owner is admin and the new one owner');

-- ---------- service_role sees every workspace; deleting a workspace cascades cleanly
select tests.authenticate_as_service_role();
select ok((select count(*) >= 3 from public.workspaces), 'service_role reads all workspaces');
create temp table ws_b on commit drop as select tests.workspace_id('B') as id;
select tests.authenticate_as('owner-b');
select results_eq($$ delete from public.workspaces returning name $$, $$ values ('B') $$, 'owner of B deletes B');
select tests.clear_authentication();
select is((select count(*)::int from public.workspace_members where workspace_id = (select id from ws_b)), 0,
  'deleting a workspace removes its members');

select * from finish();
rollback;
