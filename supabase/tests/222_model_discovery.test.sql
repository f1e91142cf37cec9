-- Model discovery from a bare model list: a guessed type never overrides the registry's, prices the
-- list does not give are kept, new models are added for review (and reviewed by the service), a
-- failed run can name when to try again, pg_cron asks for a run only when one is due, and every
-- signed-in user (not anon) sees the source's status.
begin;
set search_path = extensions, public;
select plan(15);

select tests.two_workspaces();
delete from public.ai_model_discovery_runs;
insert into public.ai_models (provider, model, model_type, input_price_per_mtok_micros, output_price_per_mtok_micros)
values ('mistral', 'probe-large', 'legacy', 2000000, 6000000), ('mistral', 'probe-old', 'fast', 100000, 300000);

select tests.authenticate_as_service_role();
select isnt(private.apply_model_discovery(array['mistral']::public.ai_provider[], $$[
  {"provider": "mistral", "model": "probe-large", "model_type": "flagship", "model_type_guessed": true},
  {"provider": "mistral", "model": "probe-new-mini", "model_type": "fast", "model_type_guessed": true},
  {"provider": "mistral", "model": "probe-priced", "model_type": "flagship", "input_price_per_mtok_micros": 1, "output_price_per_mtok_micros": 2}
]$$, now() - interval '36 hours'), null::uuid, 'a run from a bare list');
select results_eq($$ select model, model_type::text, input_price_per_mtok_micros, is_active, needs_review from public.ai_models
  where provider = 'mistral' and model like 'probe-%' order by model $$,
  $$ values ('probe-large', 'legacy', 2000000::bigint, true, false), ('probe-new-mini', 'fast', 0::bigint, true, true),
            ('probe-old', 'fast', 100000::bigint, false, false), ('probe-priced', 'flagship', 1::bigint, true, false) $$,
  'a guessed type and missing prices keep the registry''s; a new model without prices is marked for review; one no longer listed is deprecated');
select results_eq($$ select models_added, models_updated, models_deprecated, details -> 'needs_review' from public.ai_model_discovery_runs $$,
  $$ values (2, 1, 3, '["mistral/probe-new-mini"]'::jsonb) $$,
  'the run says what changed (the seed''s two mistral models and probe-old were not listed) and what waits for review');
select results_eq($$ select (private.review_ai_model(id, 'fast', 200000, 600000)).needs_review from public.ai_models where model = 'probe-new-mini' $$,
  $$ values (false) $$, 'the service reviews it');
select results_eq($$ select model_type::text, output_price_per_mtok_micros, is_active, reviewed_at is not null from public.ai_models
  where model = 'probe-new-mini' $$, $$ values ('fast', 600000::bigint, true, true) $$, 'with its type and prices');
select throws_ok($$ select private.review_ai_model(gen_random_uuid(), 'fast', 1, 1) $$, 'PT404', null, 'an unknown model is not found');

-- when a run is due
select is(private.model_discovery_due(), true, 'a day and a half after the last success a run is due');
select isnt(private.record_failed_model_discovery(array['openai']::public.ai_provider[], 'the model list answered 429',
  now(), now() + interval '2 hours'), null::uuid, 'a throttled run failed');
select results_eq($$ select private.model_discovery_due(now()), private.model_discovery_due(now() + interval '31 minutes'),
  private.model_discovery_due(now() + interval '121 minutes') $$, $$ values (false, false, true) $$,
  'the next is due after the backoff and the time the endpoint named, whichever is later');
select isnt(private.record_failed_model_discovery(array['openai']::public.ai_provider[], 'HTTP 500', now() + interval '121 minutes'),
  null::uuid, 'a second failure');
select results_eq($$ select private.model_discovery_due(now() + interval '150 minutes'), private.model_discovery_due(now() + interval '182 minutes') $$,
  $$ values (false, true) $$, 'backs off longer: an hour after the second (30 minutes doubling)');
select tests.clear_authentication();
select is(private.wake_model_discovery(), null::bigint, 'pg_cron''s wake-up asks for nothing while no run is due');

-- who sees the status
select tests.authenticate_as('viewer-a');
select results_eq($$ select last_status::text, consecutive_failures, models_needing_review >= 0 from public.model_discovery_status $$,
  $$ values ('failed', 2, true) $$, 'every signed-in user sees the source''s status');
select throws_ok($$ select private.review_ai_model((select id from public.ai_models limit 1), 'fast', 1, 1) $$, '42501', null,
  'only the service reviews models');
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.model_discovery_status $$, '42501', null, 'anon sees nothing');

select * from finish();
rollback;
