-- A helper the marketing and automation test files share, kept like 000_setup's (this file
-- commits): the access matrix of a standard tenant table, checked from the outside.
begin;

-- Seven checks on a table whose rows viewers read and members write (private.tenant_policies
-- with viewer/member), in the two_workspaces() fixture. Workspace A must already hold at least
-- one row of the table; p_insert is a valid insert of a new row into A.
--   B's member sees none of A's rows and deletes none; A's viewer reads them, cannot add and
--   deletes nothing; A's member adds p_insert; anon is refused outright.
create or replace function tests.tenant_table_checks(p_table regclass, p_insert text)
returns setof text
-- pgTAP's functions call each other unqualified, so they need extensions on the path
language plpgsql set search_path = extensions, public as $$
declare
  a constant uuid := tests.workspace_id('A');
  t text := p_table::text;
begin
  perform tests.authenticate_as('member-b');
  return next extensions.is_empty(format('select 1 from %s where workspace_id = %L', t, a),
    t || ': another workspace''s member sees none of its rows');
  return next extensions.is_empty(format('delete from %s where workspace_id = %L returning 1', t, a),
    t || ': another workspace''s member deletes nothing');
  perform tests.authenticate_as('viewer-a');
  return next extensions.isnt_empty(format('select 1 from %s where workspace_id = %L', t, a), t || ': a viewer reads');
  return next extensions.throws_ok(p_insert, '42501', null, t || ': a viewer cannot add');
  return next extensions.is_empty(format('delete from %s where workspace_id = %L returning 1', t, a),
    t || ': a viewer deletes nothing');
  perform tests.authenticate_as('member-a');
  return next extensions.lives_ok(p_insert, t || ': a member adds');
  perform tests.authenticate_as_anon();
  return next extensions.throws_ok(format('select 1 from %s', t), '42501', null, t || ': anon is refused');
  perform tests.clear_authentication();
end $$;
comment on function tests.tenant_table_checks(regclass, text) is 'Seven access checks of a viewer-read, member-write tenant table in the two_workspaces() fixture.';

set search_path = extensions, public;
select plan(1);
select has_function('tests', 'tenant_table_checks', array['regclass', 'text'], 'tests.tenant_table_checks exists');
select * from finish();
commit;
