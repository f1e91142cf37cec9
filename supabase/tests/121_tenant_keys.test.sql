-- Keys that identify tenant rows include the tenant, and a tenant row's reference to another
-- tenant object is a foreign key that includes the tenant. Before this rule ad_metrics_daily was
-- unique on (object_id, day) and object_id referenced nothing, so a member of workspace B who knew
-- a campaign id of A could insert a row that made every later ingest of that campaign and day
-- fail for A. Both rules read the live catalog, so a later table that breaks them fails here.
begin;
set search_path = extensions, public;
select plan(8);

-- A tenant table: public or private, with a workspace_id column.
create temp view tenant_tables as
  select c.oid as relid from pg_class c
  join pg_attribute w on w.attrelid = c.oid and w.attname = 'workspace_id' and not w.attisdropped
  where c.relnamespace in ('public'::regnamespace, 'private'::regnamespace) and c.relkind in ('r', 'p') and not c.relispartition;

-- A column "pinned" to its row's workspace: workspace_id itself, the row's own id, or a column of a
-- foreign key that also holds workspace_id (the referenced row is then of the same workspace).
create temp view pinned_columns as
  select t.relid, a.attnum from tenant_tables t
  join pg_attribute a on a.attrelid = t.relid and a.attnum > 0 and not a.attisdropped
  where a.attname in ('workspace_id', 'id')
     or exists (select 1 from pg_constraint f
                join pg_attribute w on w.attrelid = f.conrelid and w.attname = 'workspace_id'
                where f.conrelid = t.relid and f.contype = 'f' and a.attnum = any (f.conkey) and w.attnum = any (f.conkey));

-- ===== rule 1: every unique key of a tenant table holds workspace_id, directly or through a column
-- pinned to the workspace (a parent of the same workspace scopes it), except a surrogate primary key
-- and the global rules below, which the design needs and names here one by one.
create temp table global_unique_keys (index_name regclass, why text);
insert into global_unique_keys values
  ('public.integration_connections_one_active_shop', 'a Shopify shop is actively connected to one workspace at a time'),
  ('private.webhook_events_provider_external_id_key', 'deliveries are deduplicated by the provider''s own event id before a workspace is known'),
  ('public.privacy_requests_one_open_per_user', 'a user''s own account requests span every workspace (workspace_id null)'),
  ('private.oauth_states_pkey', 'the hash of a random single-use OAuth state'),
  ('public.review_media_mux_upload_id_key', 'Mux callbacks find the row by Mux''s own id'),
  ('public.review_media_mux_asset_id_key', 'Mux callbacks find the row by Mux''s own id'),
  ('public.videos_mux_upload_id_key', 'Mux callbacks find the row by Mux''s own id'),
  ('public.videos_mux_asset_id_key', 'Mux callbacks find the row by Mux''s own id'),
  ('public.ai_video_jobs_external_operation_id_key', 'the generation provider reports by its own operation id');

create temp view unscoped_unique_keys as
  select i.indexrelid::regclass as index_name, pg_get_indexdef(i.indexrelid) as def
  from pg_index i join tenant_tables t on t.relid = i.indrelid
  where i.indisunique
    -- a surrogate primary key: one column named id, generated (default or identity)
    and not (i.indisprimary and i.indnkeyatts = 1 and exists (
      select 1 from pg_attribute a where a.attrelid = i.indrelid and a.attnum = i.indkey[0] and a.attname = 'id'
        and (a.attidentity <> '' or a.atthasdef)))
    and not exists (select 1 from pinned_columns p
                    where p.relid = i.indrelid and p.attnum = any ((i.indkey::int2[])[0:i.indnkeyatts - 1])
                      and p.attnum <> all (select a.attnum from pg_attribute a where a.attrelid = i.indrelid and a.attname = 'id'))
    and i.indexrelid not in (select g.index_name from global_unique_keys g);

select is_empty($$ select index_name::text || ': ' || def from unscoped_unique_keys $$,
  'every unique key of a tenant table includes workspace_id (directly or through a workspace-pinned parent), but the named global rules');
select is_empty($$ select g.index_name::text from global_unique_keys g
                   where not exists (select 1 from pg_index i where i.indexrelid = g.index_name and i.indisunique) $$,
  'each named global rule still exists (a stale exception is removed from the list)');

-- ===== rule 2: every uuid column naming another tenant object is a foreign key holding
-- workspace_id (or scoped by a pinned column, as a variant is by its experiment). User references
-- (the privacy catalog's rule: a foreign key to auth.users or a uuid named like a user) and the
-- opaque or polymorphic columns named below are not references to tenant objects.
create temp table unreferencing_uuid_columns (table_name regclass, column_name name, why text);
insert into unreferencing_uuid_columns values
  ('public.ad_metrics_daily', 'object_id', 'the level''s own object: a check holds it equal to the level''s foreign-key column, which is never null'),
  ('private.embedding_jobs', 'lease_id', 'a random lease token, not a row'),
  ('private.connector_jobs', 'lease_id', 'a random lease token, not a row'),
  ('public.review_votes', 'voter_id', 'a random id the visitor''s browser keeps, not a row'),
  ('public.autopilot_activity_log', 'entity_id', 'polymorphic: names a row of entity_type''s table'),
  ('public.workflow_executions', 'entity_id', 'polymorphic: names the row the event was about'),
  ('public.privacy_audit_log', 'request_id', 'append-only trail written by triggers; user requests have no workspace');

create temp view unpinned_references as
  select t.relid::regclass as table_name, a.attname as column_name,
         (select string_agg(pg_get_constraintdef(f.oid), '; ') from pg_constraint f
          where f.conrelid = t.relid and f.contype = 'f' and a.attnum = any (f.conkey)) as fkeys
  from tenant_tables t
  join pg_attribute a on a.attrelid = t.relid and a.attnum > 0 and not a.attisdropped and a.atttypid = 'uuid'::regtype
  where a.attname not in ('id', 'workspace_id')
    and (t.relid, a.attname) not in (select p.table_name, p.column_name from private.personal_data_columns() p
                                     where p.kind in ('user_fk', 'user_named'))
    and (t.relid, a.attname) not in (select u.table_name, u.column_name from unreferencing_uuid_columns u)
    and not exists (
      -- a foreign key to a table without workspace_id (a global table such as ai_models) ...
      select 1 from pg_constraint f
      where f.conrelid = t.relid and f.contype = 'f' and a.attnum = any (f.conkey)
        and (not exists (select 1 from pg_attribute w where w.attrelid = f.confrelid and w.attname = 'workspace_id' and not w.attisdropped)
             -- ... or one that also holds another pinned column of this row
             or exists (select 1 from pinned_columns p where p.relid = t.relid and p.attnum = any (f.conkey) and p.attnum <> a.attnum)));

select is_empty($$ select table_name::text || '.' || column_name || coalesce(' (' || fkeys || ')', ' (no foreign key)') from unpinned_references $$,
  'every uuid column of a tenant table naming another tenant object is a foreign key that includes workspace_id');
select is_empty($$ select u.table_name::text || '.' || u.column_name from unreferencing_uuid_columns u
                   where not exists (select 1 from pg_attribute a where a.attrelid = u.table_name and a.attname = u.column_name) $$,
  'each named non-reference column still exists');

-- ===== the rules can fail
create table public.zz_probe (id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id), external_id text, campaign_id uuid,
  unique (external_id));
select is((select count(*)::int from unscoped_unique_keys where index_name = 'public.zz_probe_external_id_key'::regclass), 1,
  'a unique key without workspace_id is found');
select is((select count(*)::int from unpinned_references where table_name = 'public.zz_probe'::regclass), 1,
  'a uuid column referencing nothing is found');
drop table public.zz_probe;

-- ===== the attack from issue 21, from the outside
select tests.two_workspaces();
insert into public.ad_campaigns (workspace_id, platform, external_id, name)
values (tests.workspace_id('A'), 'meta', 'c-a-1', 'A spring');
create temp table attack on commit drop as
  select format($$ insert into public.ad_metrics_daily (workspace_id, platform, level, object_id, day, spend_cents)
                   values (%L, 'meta', 'campaign', %L, current_date, 1) $$,
                tests.workspace_id('B'), (select id from public.ad_campaigns where external_id = 'c-a-1')) as stmt;
grant select on attack to authenticated;
select tests.authenticate_as('member-b');
select throws_ok((select stmt from attack),
  '23514', null, 'B cannot record metrics for A''s campaign id without naming a campaign of its own workspace');
select tests.authenticate_as('member-a');
select results_eq(format($$ select inserted from public.ingest_ad_metrics(%L, '[{"platform": "meta", "level": "campaign",
                           "external_id": "c-a-1", "day": "%s", "spend_cents": 500}]') $$,
                         tests.workspace_id('A'), current_date),
  $$ values (1) $$, 'A''s ingest of its campaign and day goes through');

select * from finish();
rollback;
