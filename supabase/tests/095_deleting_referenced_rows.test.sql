-- Deleting a row that others reference either works (their foreign keys cascade or clear) or is
-- refused on purpose with 409 (PT409) saying why: never another table's validation error. Before
-- 20261126010000/20261126020000, deleting an agent with feedback gave 23514, a file used as the
-- brand's logo 22023, and a template an active automation sends 23514 from another table.
begin;
set search_path = extensions, public;
select plan(17);

-- ================= every referenced table, against the demo seed
select ok(exists (select 1 from public.workspaces where id = '10000000-0000-4000-8000-000000000001'), 'the demo seed is loaded');

-- For each table that a foreign key references (but auth.users and profiles, see 094, the
-- workspaces themselves, and Storage's buckets, which only the Storage API deletes): delete all
-- of its rows in a subtransaction that is then rolled back; report any failure that is not PT409.
create function pg_temp.deletions() returns table (tbl text, deleted bigint, code text, message text)
language plpgsql as $$
declare
  r record;
  n bigint;
begin
  for r in select distinct c.confrelid::regclass::text t from pg_constraint c
           where c.contype = 'f'
             and c.confrelid not in ('auth.users'::regclass, 'public.profiles'::regclass, 'public.workspaces'::regclass,
                                     'storage.buckets'::regclass)
           order by 1 loop
    begin
      execute format('delete from %s', r.t);
      get diagnostics n = row_count;
      raise exception using errcode = 'ZZ000', message = n::text;
    exception
      when sqlstate 'ZZ000' then
        tbl := r.t; deleted := sqlerrm::bigint; code := null; message := null;
        return next;
      when others then
        tbl := r.t; deleted := 0; code := sqlstate; message := sqlerrm;
        return next;
    end;
  end loop;
end $$;
create temp table deletions on commit drop as select * from pg_temp.deletions();

select is_empty($$ select tbl || ': ' || code || ' ' || message from deletions where code <> 'PT409' $$,
  'deleting the rows of any referenced table works or is refused with PT409');
select ok((select count(*) from deletions where code is null and deleted > 0) >= 30,
  'and at least 30 of those tables had demo rows that were deleted');
select results_eq($$ select tbl, message from deletions where code = 'PT409' order by tbl $$,
  $$ values ('decision_log'::text, 'a decision and its outcome are recorded only by changing the status'::text),
            ('digital_assets', 'this file is the brand logo "Primary logo"'),
            ('email_templates', 'the active automation "Welcome new subscribers" sends this template'),
            ('experiment_variants', 'experiment hero-image is completed: its variants cannot be added, removed, renamed or reweighted'),
            ('experiments', 'experiment hero-image is completed; only draft or archived experiments can be deleted') $$,
  'the refusals are the deliberate ones: decisions an approval records, files and templates in use, completed experiments');

select tests.two_workspaces();

-- ================= an agent with feedback
insert into public.agents (id, workspace_id, key, name, role) values
  ('d0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000000', 'ads-analyst', 'Ads analyst', 'analyst');
insert into public.agent_runs (id, workspace_id, agent_id) values
  ('d0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000000', 'd0000000-0000-4000-8000-000000000001');
insert into public.agent_queries (id, workspace_id, agent_id, provider, model) overriding system value values
  (990001, 'a0000000-0000-4000-8000-000000000000', 'd0000000-0000-4000-8000-000000000001', 'openai', 'gpt-4o-mini');
insert into public.agent_feedback (workspace_id, kind, rating, comment, agent_id, run_id, query_id) values
  ('a0000000-0000-4000-8000-000000000000', 'rating', 5, 'about the agent', 'd0000000-0000-4000-8000-000000000001', null, null),
  ('a0000000-0000-4000-8000-000000000000', 'rating', 2, 'about a run', 'd0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002', null),
  ('a0000000-0000-4000-8000-000000000000', 'rating', 4, 'about a call', 'd0000000-0000-4000-8000-000000000001', null, 990001);

select throws_ok($$ insert into public.agent_feedback (workspace_id, kind) values ('a0000000-0000-4000-8000-000000000000', 'thumbs_up') $$,
  '23514', 'feedback is about an agent, run, call or message', 'new feedback still needs a subject');
select tests.authenticate_as('00000000-0000-4000-8000-0000000000a2');
select lives_ok($$ delete from public.agents where id = 'd0000000-0000-4000-8000-000000000001' $$,
  'an admin deletes an agent that has feedback');
select tests.clear_authentication();
select results_eq($$ select comment, agent_id, query_id from public.agent_feedback where workspace_id = 'a0000000-0000-4000-8000-000000000000' $$,
  $$ values ('about a call'::text, null::uuid, 990001::bigint) $$,
  'feedback about the agent and its run went with them; feedback about a call that remains stays, about the call');

-- ================= a file that is the brand's logo
insert into public.digital_assets (id, workspace_id, name, kind, storage_path, mime_type) values
  ('d0000000-0000-4000-8000-000000000010', 'a0000000-0000-4000-8000-000000000000', 'logo.svg', 'image', 'a0000000-0000-4000-8000-000000000000/logo.svg', 'image/svg+xml');
insert into public.brand_assets (id, workspace_id, kind, name, value, digital_asset_id) values
  ('d0000000-0000-4000-8000-000000000011', 'a0000000-0000-4000-8000-000000000000', 'logo', 'Main logo', '{}', 'd0000000-0000-4000-8000-000000000010');
select tests.authenticate_as('00000000-0000-4000-8000-0000000000a3');
select throws_ok($$ delete from public.digital_assets where id = 'd0000000-0000-4000-8000-000000000010' $$,
  'PT409', 'this file is the brand logo "Main logo"', 'a member cannot delete the file the brand logo is');
update public.brand_assets set value = '{"url": "https://cdn.example.com/logo.svg"}' where id = 'd0000000-0000-4000-8000-000000000011';
select lives_ok($$ delete from public.digital_assets where id = 'd0000000-0000-4000-8000-000000000010' $$,
  'once the logo also has a URL, the file can go');
select results_eq($$ select digital_asset_id, value ->> 'url' from public.brand_assets where id = 'd0000000-0000-4000-8000-000000000011' $$,
  $$ values (null::uuid, 'https://cdn.example.com/logo.svg'::text) $$, 'and the logo keeps its URL');

-- ================= a template an automation sends
select tests.clear_authentication();
insert into public.email_templates (id, workspace_id, name, subject, body_text) values
  ('d0000000-0000-4000-8000-000000000020', 'a0000000-0000-4000-8000-000000000000', 'Welcome', 'Welcome aboard', 'Hi there');
insert into public.email_automation_rules (id, workspace_id, name, trigger_event, template_id, active) values
  ('d0000000-0000-4000-8000-000000000021', 'a0000000-0000-4000-8000-000000000000', 'Welcome flow', 'contact_subscribed',
   'd0000000-0000-4000-8000-000000000020', true);
select tests.authenticate_as('00000000-0000-4000-8000-0000000000a3');
select throws_ok($$ delete from public.email_templates where id = 'd0000000-0000-4000-8000-000000000020' $$,
  'PT409', 'the active automation "Welcome flow" sends this template', 'a template an active automation sends cannot be deleted');
update public.email_automation_rules set active = false where id = 'd0000000-0000-4000-8000-000000000021';
select lives_ok($$ delete from public.email_templates where id = 'd0000000-0000-4000-8000-000000000020' $$,
  'once the automation is paused, it can');
select results_eq($$ select active, template_id from public.email_automation_rules where id = 'd0000000-0000-4000-8000-000000000021' $$,
  $$ values (false, null::uuid) $$, 'the paused automation is left without a template');

-- ================= deleting the workspace deletes all of it regardless
select tests.clear_authentication();
-- Workspace B has its own logo file and an active automation's template, which must not go with A.
insert into public.digital_assets (id, workspace_id, name, kind, storage_path, mime_type) values
  ('d0000000-0000-4000-8000-000000000040', 'b0000000-0000-4000-8000-000000000000', 'b.svg', 'image', 'b0000000-0000-4000-8000-000000000000/b.svg', 'image/svg+xml');
insert into public.brand_assets (workspace_id, kind, name, value, digital_asset_id) values
  ('b0000000-0000-4000-8000-000000000000', 'logo', 'B logo', '{}', 'd0000000-0000-4000-8000-000000000040');
insert into public.email_templates (id, workspace_id, name, subject, body_text) values
  ('d0000000-0000-4000-8000-000000000041', 'b0000000-0000-4000-8000-000000000000', 'B welcome', 'Hi', 'Hello');
insert into public.email_automation_rules (workspace_id, name, trigger_event, template_id, active) values
  ('b0000000-0000-4000-8000-000000000000', 'B flow', 'contact_subscribed', 'd0000000-0000-4000-8000-000000000041', true);
insert into public.digital_assets (id, workspace_id, name, kind, storage_path, mime_type) values
  ('d0000000-0000-4000-8000-000000000030', 'a0000000-0000-4000-8000-000000000000', 'logo2.svg', 'image', 'a0000000-0000-4000-8000-000000000000/logo2.svg', 'image/svg+xml');
update public.brand_assets set value = '{}', digital_asset_id = 'd0000000-0000-4000-8000-000000000030'
  where id = 'd0000000-0000-4000-8000-000000000011';
insert into public.email_templates (id, workspace_id, name, subject, body_text) values
  ('d0000000-0000-4000-8000-000000000031', 'a0000000-0000-4000-8000-000000000000', 'Welcome 2', 'Hello', 'Hi again');
update public.email_automation_rules set template_id = 'd0000000-0000-4000-8000-000000000031', active = true
  where id = 'd0000000-0000-4000-8000-000000000021';
select tests.authenticate_as('00000000-0000-4000-8000-0000000000a1');
select lives_ok($$ delete from public.workspaces where id = 'a0000000-0000-4000-8000-000000000000' $$,
  'the owner deletes the workspace while its logo file and an active automation''s template are in use');
select tests.clear_authentication();
select is((select count(*)::int from public.digital_assets where workspace_id = 'a0000000-0000-4000-8000-000000000000')
        + (select count(*)::int from public.email_templates where workspace_id = 'a0000000-0000-4000-8000-000000000000')
        + (select count(*)::int from public.brand_assets where workspace_id = 'a0000000-0000-4000-8000-000000000000'),
  0, 'and nothing of it is left');
select results_eq($$ select (select count(*)::int from public.digital_assets where workspace_id = 'b0000000-0000-4000-8000-000000000000'),
                            (select count(*)::int from public.brand_assets where digital_asset_id = 'd0000000-0000-4000-8000-000000000040'),
                            (select count(*)::int from public.email_automation_rules where template_id = 'd0000000-0000-4000-8000-000000000041' and active) $$,
  $$ values (1, 1, 1) $$, 'workspace B''s file, logo and active automation are untouched');
select tests.authenticate_as('00000000-0000-4000-8000-0000000000b2');
select throws_ok($$ delete from public.digital_assets where id = 'd0000000-0000-4000-8000-000000000040' $$,
  'PT409', 'this file is the brand logo "B logo"', 'and in B the refusal still holds for its member');

select * from finish();
rollback;
