-- Membership needs the member's consent (issue 21, item 2). Before: an admin or owner could insert
-- any user id into workspace_members and then read that user's profile email, and an owner could
-- make someone owner and leave, after which the victim's own account erasure failed. Now only
-- accepting an invitation or creating a workspace makes a membership, and ownership passes only
-- when the recipient accepts a pending transfer.
begin;
set search_path = extensions, public;
select plan(24);

select tests.two_workspaces();
select tests.create_user('victim');
select tests.add_member('A', 'carol', 'member');

-- ---------- nobody adds another user directly
select tests.authenticate_as('admin-a');
select throws_ok(format($$ insert into public.workspace_members (workspace_id, user_id, role) values (%L, %L, 'viewer') $$,
                        tests.workspace_id('A'), tests.user_id('victim')),
  '42501', 'nobody adds a member directly: invite them (create_workspace_invitation) and they join by accepting',
  'an admin cannot add a user who did not accept an invitation');
select is_empty(format($$ select email from public.profiles where id = %L $$, tests.user_id('victim')),
  'so the admin cannot read that user''s email');
select tests.authenticate_as('owner-a');
select throws_ok(format($$ insert into public.workspace_members (workspace_id, user_id, role) values (%L, %L, 'owner') $$,
                        tests.workspace_id('A'), tests.user_id('victim')),
  '42501', null, 'an owner cannot add anyone either, as owner or otherwise');
select throws_ok(format($$ insert into public.workspace_members (workspace_id, user_id, role) values (%L, %L, 'member') $$,
                        tests.workspace_id('A'), tests.user_id('member-b')),
  '42501', null, 'nor a member of another workspace');
select tests.authenticate_as('victim');
select throws_ok(format($$ insert into public.workspace_members (workspace_id, user_id, role) values (%L, %L, 'viewer') $$,
                        tests.workspace_id('A'), tests.user_id('victim')),
  '42501', null, 'nobody adds themselves without an invitation');
select tests.clear_authentication();
select is((select count(*)::int from public.workspace_members where user_id = tests.user_id('victim')), 0,
  'the victim belongs to no workspace');

-- ---------- an invitation, accepted by the invitee, still makes a member
select tests.authenticate_as('admin-a');
create temp table inv on commit drop as
  select * from public.create_workspace_invitation(tests.workspace_id('A'), 'victim@test.local', 'member');
grant select on inv to authenticated;
select tests.authenticate_as('victim');
select is(public.accept_workspace_invitation((select token from inv)), tests.workspace_id('A'), 'the invitee joins by accepting');
select tests.clear_authentication();
select is((select role::text from public.workspace_members where user_id = tests.user_id('victim')), 'member',
  'as the invited role');

-- ---------- and creating a workspace makes its creator the owner
select tests.authenticate_as('victim');
create temp table ws_v on commit drop as select * from public.create_workspace('V', 'ws-v');
select is((select role::text from public.workspace_members m join ws_v on ws_v.id = m.workspace_id), 'owner',
  'create_workspace makes the caller owner');

-- ---------- ownership passes only when the recipient accepts
select tests.authenticate_as('owner-a');
select throws_ok(format($$ update public.workspace_members set role = 'owner' where workspace_id = %L and user_id = %L $$,
                        tests.workspace_id('A'), tests.user_id('victim')),
  '42501', 'ownership passes only when the member accepts it: offer it with transfer_workspace_ownership',
  'an owner cannot make a member owner directly');
select results_eq(format($$ select to_user_id from public.transfer_workspace_ownership(%L, %L) $$,
                         tests.workspace_id('A'), tests.user_id('victim')),
  format($$ values (%L::uuid) $$, tests.user_id('victim')), 'the owner offers ownership to a member');
select throws_ok(format($$ delete from public.workspace_members where workspace_id = %L and user_id = %L $$,
                        tests.workspace_id('A'), tests.user_id('owner-a')),
  '23514', null, 'an offer changes nothing: the owner is still the only owner and cannot leave');
select tests.clear_authentication();
select is((select role::text from public.workspace_members where workspace_id = tests.workspace_id('A') and user_id = tests.user_id('victim')),
  'member', 'the recipient is still a member until they accept');
select tests.authenticate_as('carol');
select is_empty($$ select * from public.workspace_ownership_transfers $$, 'another member does not see the offer');
select throws_ok(format($$ select public.accept_workspace_ownership(%L) $$, tests.workspace_id('A')),
  'PT404', null, 'nor accept it');
select tests.authenticate_as('victim');
select is((select count(*)::int from public.workspace_ownership_transfers), 1, 'the recipient sees the offer');
select results_eq(format($$ select role::text from public.accept_workspace_ownership(%L) $$, tests.workspace_id('A')),
  $$ values ('owner') $$, 'the recipient accepts and becomes owner');
select tests.clear_authentication();
select results_eq(format($$ select u.email, m.role::text from public.workspace_members m join auth.users u on u.id = m.user_id
                            where m.workspace_id = %L and m.role in ('owner', 'admin') order by u.email $$, tests.workspace_id('A')),
  $$ values ('admin-a@a.test'::varchar, 'admin'), ('owner-a@a.test', 'admin'), ('victim@test.local', 'owner') $$,
  'the offering owner became admin');
select is((select count(*)::int from public.workspace_ownership_transfers), 0, 'the accepted offer is gone');

-- ---------- declined and expired offers
select tests.authenticate_as('victim');
select lives_ok(format($$ select public.transfer_workspace_ownership(%L, %L) $$, tests.workspace_id('A'), tests.user_id('carol')),
  'the new owner offers ownership to carol');
select tests.authenticate_as('carol');
select results_eq($$ delete from public.workspace_ownership_transfers returning to_user_id $$,
  format($$ values (%L::uuid) $$, tests.user_id('carol')), 'carol declines by deleting the offer');
select throws_ok(format($$ select public.accept_workspace_ownership(%L) $$, tests.workspace_id('A')),
  'PT404', null, 'a declined offer cannot be accepted');
select tests.authenticate_as('victim');
select public.transfer_workspace_ownership(tests.workspace_id('A'), tests.user_id('carol'));
select tests.clear_authentication();
update public.workspace_ownership_transfers set expires_at = now() - interval '1 second';
select tests.authenticate_as('carol');
select throws_ok(format($$ select public.accept_workspace_ownership(%L) $$, tests.workspace_id('A')),
  'PT410', null, 'an expired offer cannot be accepted');

-- ---------- the service role (and seeds) still add members directly
select tests.authenticate_as_service_role();
select lives_ok(format($$ insert into public.workspace_members (workspace_id, user_id, role) values (%L, %L, 'viewer') $$,
                       tests.workspace_id('B'), tests.user_id('carol')),
  'the service role adds a member');

select * from finish();
rollback;
