-- Deleting a user (auth.admin.deleteUser, the dashboard's "delete user") clears the columns that
-- named them and keeps the history those columns were part of; only a workspace's last owner
-- cannot be deleted. Deleting anyone who had decided an approval, acknowledged an alert or
-- accepted an invitation once failed.
begin;
set search_path = extensions, public;
select plan(17);

select tests.two_workspaces();

-- ================= every guard knows
-- Every such guard, including any added later: each names every user column of its
-- table in the exemption (a column added later must be added to the clause too).
select is_empty($$
  with fk as (
    select k.conrelid, a.attname::text col
    from pg_constraint k join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
    where k.contype = 'f' and k.confrelid = 'auth.users'::regclass and k.confdeltype = 'n'
  ), guards as (
    select tg.tgrelid, tg.tgname, pg_get_triggerdef(tg.oid) def
    from pg_trigger tg
    where not tg.tgisinternal and tg.tgtype & 1 = 1 and tg.tgtype & 2 = 2 and tg.tgtype & 16 = 16
      and tg.tgfoid not in ('private.set_updated_at()'::regprocedure, 'private.keep_tenant_keys()'::regprocedure)
      and tg.tgrelid in (select conrelid from fk)
      and (cardinality(tg.tgattr::int2[]) = 0 or exists (
        select 1 from fk join pg_attribute a on a.attrelid = fk.conrelid and a.attname = fk.col
        where fk.conrelid = tg.tgrelid and a.attnum = any (tg.tgattr::int2[])))
  )
  select g.tgrelid::regclass::text || '.' || g.tgname || coalesce(' lacks ' || fk.col, ' lacks the exemption')
  from guards g left join fk on fk.conrelid = g.tgrelid
  where g.def not like '%only_deleted_users_cleared%'
     or position(format('old.%s IS NOT NULL', quote_ident(fk.col)) in g.def) = 0 $$,
  'every BEFORE UPDATE trigger on a table with user columns (ON DELETE SET NULL) lets a user''s deletion clear each of them');
select is_empty($$
  select tg.tgrelid::regclass::text || ' keeps ' || a.attname
  from pg_trigger tg
  join pg_constraint k on k.conrelid = tg.tgrelid and k.contype = 'f' and k.confrelid = 'auth.users'::regclass and k.confdeltype = 'n'
  join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
  where tg.tgfoid = 'private.keep_tenant_keys()'::regprocedure and a.attname <> 'created_by'
    and pg_get_triggerdef(tg.oid) like '%' || quote_literal(a.attname) || '%' $$,
  'keep_tenant_keys, which lets only created_by become null, keeps no other user column');
select is(private.only_deleted_users_cleared(array[gen_random_uuid()], array[null]::uuid[]), false,
  'called outside a trigger it answers false, so it reveals no user''s existence');

-- ================= a member who decided, acknowledged and joined by invitation
select tests.authenticate_as('member-a');
with r as (insert into public.agent_approvals (workspace_id, action, title, payload) values
  (tests.workspace_id('A'), 'pause_campaign', 'Pause the spring sale', '{}') returning id)
select tests.remember('spring sale approval', id) from r;
select public.decide_approval(tests.id('spring sale approval'), 'approved', 'ROAS fell below 1');
select tests.clear_authentication();
select private.raise_alert(tests.workspace_id('A'), 'manual', 'high', 'Checkout errors');
select tests.authenticate_as('member-a');
update public.ops_alerts set status = 'acknowledged' where title = 'Checkout errors';

select tests.authenticate_as('admin-a');
create temp table invite on commit drop as
  select * from public.create_workspace_invitation(tests.workspace_id('A'), 'new-a@a.test', 'member');
grant select on invite to authenticated;
select tests.clear_authentication();
select tests.create_user('new-a@a.test');
select tests.authenticate_as('new-a@a.test');
select public.accept_workspace_invitation((select token from invite));
select tests.clear_authentication();

-- ================= the guards still refuse the same change while the user exists
select throws_ok($$ update public.agent_approvals set decided_by = null where id = tests.id('spring sale approval') $$,
  'PT409', 'a decision and its outcome are recorded only by changing the status',
  'clearing decided_by by hand is still an edit of history');
select throws_ok($$ update public.ops_alerts set acknowledged_by = null where title = 'Checkout errors' $$,
  'PT409', 'acknowledgement and resolution are recorded by changing the status', 'and so is clearing acknowledged_by');
select throws_ok($$ update public.workspace_invitations set accepted_at = null where email = 'new-a@a.test' $$,
  '23514', null, 'an invitation that names who accepted it has the time it was accepted');

-- ================= deleting them
select tests.remember('member-a', tests.user_id('member-a')), tests.remember('new-a', tests.user_id('new-a@a.test'));
select lives_ok($$ delete from auth.users where id in (tests.id('member-a'), tests.id('new-a')) $$,
  'a member who decided, acknowledged and joined by invitation can be deleted');
select results_eq($$ select status::text, proposed_by, decided_by, decided_at is not null, decision_note
                     from public.agent_approvals where id = tests.id('spring sale approval') $$,
  $$ values ('approved'::text, null::uuid, null::uuid, true, 'ROAS fell below 1'::text) $$,
  'the approval stays approved with its time and note; who proposed and decided it is cleared');
select is((select count(*)::int from public.decision_log where inputs ->> 'approval_id' = tests.id('spring sale approval')::text
           and actor_id is null and decision like 'Approved: %'), 1, 'its decision_log entry stays, without the actor');
select results_eq($$ select status::text, acknowledged_by, acknowledged_at is not null from public.ops_alerts where title = 'Checkout errors' $$,
  $$ values ('acknowledged'::text, null::uuid, true) $$, 'the alert stays acknowledged, with its time');
select results_eq($$ select accepted_by, accepted_at is not null from public.workspace_invitations where email = 'new-a@a.test' $$,
  $$ values (null::uuid, true) $$, 'the invitation stays accepted (it cannot be accepted again)');
select is_empty($$ select 1 from public.workspace_members where user_id in (tests.id('member-a'), tests.id('new-a')) $$,
  'their memberships are gone');

select throws_ok($$ delete from auth.users where id = tests.user_id('owner-a') $$,
  '23514', 'a workspace must keep at least one owner; transfer ownership or delete the workspace',
  'a workspace''s last owner cannot be deleted, and the message says what to do');

-- ================= the demo seed's users, who appear across every domain
select ok(exists (select 1 from public.workspaces where id = tests.workspace_id('demo-brand')), 'the demo seed is loaded');
select ok((select count(*) from public.agent_approvals where decided_by in (tests.user_id('admin@demo.test'), tests.user_id('member@demo.test'))) > 0
   and (select count(*) from public.ops_alerts where acknowledged_by is not null or resolved_by is not null) > 0,
  'the seed has approvals and alerts decided by its admin and member (what failed before)');
select lives_ok($$ delete from auth.users where id in (tests.user_id('admin@demo.test'), tests.user_id('member@demo.test'),
  tests.user_id('viewer@demo.test')) $$, 'the demo admin, member and viewer can be deleted');
select throws_ok($$ delete from auth.users where id = tests.user_id('owner@demo.test') $$,
  '23514', 'a workspace must keep at least one owner; transfer ownership or delete the workspace',
  'the demo owner, the workspace''s only owner, cannot');

select * from finish();
rollback;
