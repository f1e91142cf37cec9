-- Deleting a row that others reference either works (their foreign keys cascade or clear) or is
-- refused on purpose with 409 (PT409) saying why: never another table's validation error. Deleting
-- an agent with feedback once gave 23514, a file used as the brand's logo 22023, and a template
-- an active automation sends 23514 from another table.
begin;
set search_path = extensions, public;
select plan(17);

-- ================= every referenced table, against the demo seed
select ok(exists (select 1 from public.workspaces where id = tests.workspace_id('demo-brand')), 'the demo seed is loaded');

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
with r as (insert into public.agents (workspace_id, key, name, role) values
  (tests.workspace_id('A'), 'ads-analyst', 'Ads analyst', 'analyst') returning id)
select tests.remember('agent', id) from r;
with r as (insert into public.agent_runs (workspace_id, agent_id) values
  (tests.workspace_id('A'), tests.id('agent')) returning id)
select tests.remember('run', id) from r;
insert into public.agent_queries (id, workspace_id, agent_id, provider, model) overriding system value values
  (990001, tests.workspace_id('A'), tests.id('agent'), 'openai', 'gpt-4o-mini');
insert into public.agent_feedback (workspace_id, kind, rating, comment, agent_id, run_id, query_id) values
  (tests.workspace_id('A'), 'rating', 5, 'about the agent', tests.id('agent'), null, null),
  (tests.workspace_id('A'), 'rating', 2, 'about a run', tests.id('agent'), tests.id('run'), null),
  (tests.workspace_id('A'), 'rating', 4, 'about a call', tests.id('agent'), null, 990001);

select throws_ok($$ insert into public.agent_feedback (workspace_id, kind) values (tests.workspace_id('A'), 'thumbs_up') $$,
  '23514', 'feedback is about an agent, run, call or message', 'new feedback still needs a subject');
select tests.authenticate_as('admin-a');
select lives_ok($$ delete from public.agents where id = tests.id('agent') $$,
  'an admin deletes an agent that has feedback');
select tests.clear_authentication();
select results_eq($$ select comment, agent_id, query_id from public.agent_feedback where workspace_id = tests.workspace_id('A') $$,
  $$ values ('about a call'::text, null::uuid, 990001::bigint) $$,
  'feedback about the agent and its run went with them; feedback about a call that remains stays, about the call');

-- ================= a file that is the brand's logo
with r as (insert into public.digital_assets (workspace_id, name, kind, storage_path, mime_type) values
  (tests.workspace_id('A'), 'logo.svg', 'image', tests.workspace_id('A') || '/logo.svg', 'image/svg+xml') returning id)
select tests.remember('logo.svg', id) from r;
with r as (insert into public.brand_assets (workspace_id, kind, name, value, digital_asset_id) values
  (tests.workspace_id('A'), 'logo', 'Main logo', '{}', tests.id('logo.svg')) returning id)
select tests.remember('Main logo', id) from r;
select tests.authenticate_as('member-a');
select throws_ok($$ delete from public.digital_assets where id = tests.id('logo.svg') $$,
  'PT409', 'this file is the brand logo "Main logo"', 'a member cannot delete the file the brand logo is');
update public.brand_assets set value = '{"url": "https://cdn.example.com/logo.svg"}' where id = tests.id('Main logo');
select lives_ok($$ delete from public.digital_assets where id = tests.id('logo.svg') $$,
  'once the logo also has a URL, the file can go');
select results_eq($$ select digital_asset_id, value ->> 'url' from public.brand_assets where id = tests.id('Main logo') $$,
  $$ values (null::uuid, 'https://cdn.example.com/logo.svg'::text) $$, 'and the logo keeps its URL');

-- ================= a template an automation sends
select tests.clear_authentication();
with r as (insert into public.email_templates (workspace_id, name, subject, body_text) values
  (tests.workspace_id('A'), 'Welcome', 'Welcome aboard', 'Hi there') returning id)
select tests.remember('Welcome', id) from r;
with r as (insert into public.email_automation_rules (workspace_id, name, trigger_event, template_id, active) values
  (tests.workspace_id('A'), 'Welcome flow', 'contact_subscribed', tests.id('Welcome'), true) returning id)
select tests.remember('Welcome flow', id) from r;
select tests.authenticate_as('member-a');
select throws_ok($$ delete from public.email_templates where id = tests.id('Welcome') $$,
  'PT409', 'the active automation "Welcome flow" sends this template', 'a template an active automation sends cannot be deleted');
update public.email_automation_rules set active = false where id = tests.id('Welcome flow');
select lives_ok($$ delete from public.email_templates where id = tests.id('Welcome') $$,
  'once the automation is paused, it can');
select results_eq($$ select active, template_id from public.email_automation_rules where id = tests.id('Welcome flow') $$,
  $$ values (false, null::uuid) $$, 'the paused automation is left without a template');

-- ================= deleting the workspace deletes all of it regardless
select tests.clear_authentication();
-- Workspace B has its own logo file and an active automation's template, which must not go with A.
with r as (insert into public.digital_assets (workspace_id, name, kind, storage_path, mime_type) values
  (tests.workspace_id('B'), 'b.svg', 'image', tests.workspace_id('B') || '/b.svg', 'image/svg+xml') returning id)
select tests.remember('b.svg', id) from r;
insert into public.brand_assets (workspace_id, kind, name, value, digital_asset_id) values
  (tests.workspace_id('B'), 'logo', 'B logo', '{}', tests.id('b.svg'));
with r as (insert into public.email_templates (workspace_id, name, subject, body_text) values
  (tests.workspace_id('B'), 'B welcome', 'Hi', 'Hello') returning id)
select tests.remember('B welcome', id) from r;
insert into public.email_automation_rules (workspace_id, name, trigger_event, template_id, active) values
  (tests.workspace_id('B'), 'B flow', 'contact_subscribed', tests.id('B welcome'), true);
with r as (insert into public.digital_assets (workspace_id, name, kind, storage_path, mime_type) values
  (tests.workspace_id('A'), 'logo2.svg', 'image', tests.workspace_id('A') || '/logo2.svg', 'image/svg+xml') returning id)
select tests.remember('logo2.svg', id) from r;
update public.brand_assets set value = '{}', digital_asset_id = tests.id('logo2.svg')
  where id = tests.id('Main logo');
with r as (insert into public.email_templates (workspace_id, name, subject, body_text) values
  (tests.workspace_id('A'), 'Welcome 2', 'Hello', 'Hi again') returning id)
select tests.remember('Welcome 2', id) from r;
update public.email_automation_rules set template_id = tests.id('Welcome 2'), active = true
  where id = tests.id('Welcome flow');
select tests.remember('A', tests.workspace_id('A'));
select tests.authenticate_as('owner-a');
select lives_ok($$ delete from public.workspaces where id = tests.id('A') $$,
  'the owner deletes the workspace while its logo file and an active automation''s template are in use');
select tests.clear_authentication();
select is((select count(*)::int from public.digital_assets where workspace_id = tests.id('A'))
        + (select count(*)::int from public.email_templates where workspace_id = tests.id('A'))
        + (select count(*)::int from public.brand_assets where workspace_id = tests.id('A')),
  0, 'and nothing of it is left');
select results_eq($$ select (select count(*)::int from public.digital_assets where workspace_id = tests.workspace_id('B')),
                            (select count(*)::int from public.brand_assets where digital_asset_id = tests.id('b.svg')),
                            (select count(*)::int from public.email_automation_rules where template_id = tests.id('B welcome') and active) $$,
  $$ values (1, 1, 1) $$, 'workspace B''s file, logo and active automation are untouched');
select tests.authenticate_as('member-b');
select throws_ok($$ delete from public.digital_assets where id = tests.id('b.svg') $$,
  'PT409', 'this file is the brand logo "B logo"', 'and in B the refusal still holds for its member');

select * from finish();
rollback;
