-- Catalog-wide rules every migration must keep. They read the live catalog, so a later
-- migration that forgets RLS, an index, a search_path or a grant fails here.
begin;
set search_path = extensions, public;
select plan(19);

select is_empty($$
  select c.oid::regclass::text from pg_class c
  where c.relnamespace in ('public'::regnamespace, 'private'::regnamespace)
    and c.relkind in ('r', 'p') and not c.relrowsecurity
$$, 'RLS is enabled on every table in public and private');

select is_empty($$
  select c.conrelid::regclass || ' (' || c.conname || ')'
  from pg_constraint c
  where c.contype = 'f'
    and c.connamespace in ('public'::regnamespace, 'private'::regnamespace)
    and not exists (
      select 1 from pg_index i
      where i.indrelid = c.conrelid
        and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
        and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
$$, 'every foreign key has an index leading with its columns');

select is_empty($$
  select p.oid::regprocedure::text from pg_proc p
  where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
    and p.prokind in ('f', 'p')
    and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
    and not coalesce(p.proconfig::text[], '{}') && array['search_path=""', 'search_path=']
$$, 'every function in public and private has search_path fixed to empty');

select is_empty($$
  select p.oid::regprocedure::text from pg_proc p
  where p.pronamespace::regnamespace::text in ('public', 'graphql_public')
    and p.prosecdef
    and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute'))
$$, 'no SECURITY DEFINER function in an exposed schema is executable by anon or authenticated');

select is_empty($$
  select p.oid::regprocedure::text from pg_proc p
  cross join lateral aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
  where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
    and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
    and a.grantee = 0 and a.privilege_type = 'EXECUTE'
$$, 'no function in public or private is executable by PUBLIC');

-- Storefront RPCs are SECURITY INVOKER wrappers in public calling a SECURITY DEFINER half in
-- private; those halves, and only they, are named private.anon_* and executable by anon.
select is_empty($$
  select p.oid::regprocedure::text from pg_proc p
  where p.pronamespace = 'private'::regnamespace
    and has_function_privilege('anon', p.oid, 'execute')
    and not (p.proname like 'anon\_%' and p.prosecdef)
$$, 'anon can execute nothing in private but the SECURITY DEFINER private.anon_* halves of storefront RPCs');

-- A function created now, the way a future migration would, is callable by nobody until granted.
create function public.catalog_probe() returns int language sql set search_path = '' as 'select 1';
create table public.catalog_probe_t (id int);
select ok(
  not has_function_privilege('anon', 'public.catalog_probe()', 'execute')
  and not has_function_privilege('authenticated', 'public.catalog_probe()', 'execute'),
  'by default a new function is not executable by anon or authenticated');
select ok(
  not has_table_privilege('anon', 'public.catalog_probe_t', 'select')
  and not has_table_privilege('authenticated', 'public.catalog_probe_t', 'select,truncate'),
  'by default a new table grants nothing to anon or authenticated');
drop table public.catalog_probe_t;
drop function public.catalog_probe();

select is_empty($$
  select schemaname || '.' || tablename || ': ' || policyname from pg_policies
  where schemaname in ('public', 'private', 'storage')
    and not (roles <@ array['anon', 'authenticated']::name[])
    and schemaname <> 'storage'
$$, 'every policy names its roles (to authenticated / to anon), never public');

select is_empty($$
  select tablename || ': ' || policyname from pg_policies
  where schemaname in ('public', 'private')
    and regexp_replace(coalesce(qual, '') || ' ' || coalesce(with_check, ''),
                       '\( SELECT auth\.(uid|jwt|role|email)\(\) AS \w+\)', '', 'g') ~ 'auth\.(uid|jwt|role|email)\(\)'
$$, 'policies call auth.uid() and friends wrapped in (select ...), once per statement');

select is_empty($$
  select tablename || ': ' || policyname from pg_policies
  where schemaname in ('public', 'private')
    and regexp_replace(coalesce(qual, '') || ' ' || coalesce(with_check, ''),
                       'ARRAY\( SELECT private\.\w+\(', '', 'g') ~ 'private\.\w+\('
$$, 'policies call private helpers inside array(select ...), never per row');

select is_empty($$
  select c.oid::regclass::text from pg_class c
  where c.relnamespace in ('public'::regnamespace, 'private'::regnamespace)
    and c.relkind in ('r', 'p', 'v', 'm') and obj_description(c.oid, 'pg_class') is null
    and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
$$, 'every table and view in public and private has a comment');


-- Tenant tables: every table with a workspace_id has a select policy, and every policy on it is
-- scoped by the caller's workspaces (or the caller's own id), so nothing is readable across tenants.
select is_empty($$
  select c.oid::regclass::text from pg_class c
  join pg_attribute a on a.attrelid = c.oid and a.attname = 'workspace_id' and not a.attisdropped
  where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
    and not exists (select 1 from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname
                    and p.cmd in ('SELECT', 'ALL'))
$$, 'every public table with workspace_id has a select policy');

select is_empty($$
  select p.tablename || ': ' || p.policyname from pg_policies p
  join pg_class c on c.relname = p.tablename and c.relnamespace = 'public'::regnamespace
  join pg_attribute a on a.attrelid = c.oid and a.attname = 'workspace_id' and not a.attisdropped
  where p.schemaname = 'public'
    and coalesce(p.qual, '') || coalesce(p.with_check, '') !~ '(private\.workspace_ids\(|auth\.uid\(\))'
$$, 'every policy on a tenant table is scoped by private.workspace_ids() or auth.uid()');

select is_empty($$
  select c.oid::regclass::text from pg_class c
  join pg_attribute a on a.attrelid = c.oid and a.attname = 'updated_at' and not a.attisdropped
  where c.relnamespace in ('public'::regnamespace, 'private'::regnamespace) and c.relkind in ('r', 'p')
    and not exists (select 1 from pg_trigger t join pg_proc f on f.oid = t.tgfoid
                    where t.tgrelid = c.oid and f.proname = 'set_updated_at')
$$, 'every table with updated_at keeps it with the shared trigger');

select is_empty($$
  select c.oid::regclass::text from pg_class c
  join pg_attribute a on a.attrelid = c.oid and a.attname = 'workspace_id' and not a.attisdropped
  where c.relnamespace in ('public'::regnamespace, 'private'::regnamespace) and c.relkind in ('r', 'p')
    and not exists (select 1 from pg_trigger t join pg_proc f on f.oid = t.tgfoid
                    where t.tgrelid = c.oid and f.proname = 'keep_tenant_keys')
$$, 'every table with workspace_id keeps it (and created_at/created_by) fixed with keep_tenant_keys');

select is_empty($$
  select c.oid::regclass || '.' || a.attname || ' to ' || r.rolname from pg_class c
  join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attacl is not null
  cross join lateral aclexplode(a.attacl) x
  join pg_roles r on r.oid = x.grantee
  where c.relnamespace = 'public'::regnamespace and r.rolname in ('anon', 'authenticated')
    and x.privilege_type = 'SELECT'
$$, 'no column-level SELECT grants to API roles: select(''*'') works on every readable table');

select is_empty($$
  select extname::text from pg_extension where extnamespace = 'public'::regnamespace and extname <> 'plpgsql'
$$, 'no extension lives in public (the advisor''s extension_in_public)');

-- Every scheduled job's command runs as written (a job naming a function that moved or changed
-- its signature fails here, not silently at 3 a.m.); each in a savepoint, all rolled back.
create temp table cron_failures (jobname text, error text);
do $$
declare
  j record;
begin
  for j in select jobname, command from cron.job order by jobname loop
    begin
      execute j.command;
    exception when others then
      insert into cron_failures values (j.jobname, sqlerrm);
    end;
  end loop;
end $$;
select is_empty($$ select jobname || ': ' || error from cron_failures $$,
  'every pg_cron job''s command runs without error');

select * from finish();
rollback;
