-- The storefront schema: SECURITY DEFINER functions behind the anon (publishable key) RPCs.
-- Storefront widgets call narrow SECURITY INVOKER RPCs in `public` (assign an experiment variant,
-- track an event or a touchpoint); those validate their input and call one function here, which
-- writes beneath RLS. anon holds no table privileges at all.
-- Why not `private`: anon may execute nothing there (supabase/tests/001_catalog.test.sql) and has
-- no usage on it. This schema is not in PostgREST's exposed schemas (supabase/config.toml
-- [api].schemas), so its functions are reachable only through the public wrappers; every
-- function here is SECURITY DEFINER with search_path '' and executable by name only.
create schema if not exists storefront;
comment on schema storefront is 'SECURITY DEFINER functions behind the anon storefront RPCs in public; not exposed through PostgREST.';
revoke all on schema storefront from public;
grant usage on schema storefront to anon, authenticated, service_role;
alter default privileges in schema storefront revoke execute on functions from public;
