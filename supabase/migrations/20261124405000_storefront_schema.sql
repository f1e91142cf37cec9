-- The storefront schema: SECURITY DEFINER functions behind the anon (publishable key) RPCs.
-- Storefront widgets call narrow SECURITY INVOKER RPCs in `public` (assign an experiment variant,
-- track an event or a touchpoint); those validate their input and call one function here, which
-- writes beneath RLS. anon holds no table privileges at all.
-- Why not `private`: anon may execute nothing there (supabase/tests/001_catalog.test.sql) and has
-- no usage on it. This schema is not in PostgREST's exposed schemas (supabase/config.toml
-- [api].schemas), so its functions are reachable only through the public wrappers; every
-- function here is SECURITY DEFINER with search_path '' and executable by name only.
create schema if not exists storefront;
comment on schema storefront is 'SECURITY DEFINER functions behind the anon storefront RPCs in public, and the input checks those RPCs share; not exposed through PostgREST.';
revoke all on schema storefront from public;
grant usage on schema storefront to anon, authenticated, service_role;
alter default privileges in schema storefront revoke execute on functions from public;

-- The visitor id check every storefront RPC makes (the same format as private.is_visitor_id, which
-- table constraints use; anon cannot reach private).
create function storefront.require_visitor_id(p_visitor_id text) returns void
language plpgsql immutable set search_path = '' as $$
begin
  if not coalesce(p_visitor_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$', false) then
    raise exception 'p_visitor_id must be 1-128 letters, digits or . _ : -' using errcode = '22023';
  end if;
end $$;
comment on function storefront.require_visitor_id(text) is 'Raises 22023 unless the text is a storefront visitor id (1-128 letters, digits and . _ : -, not starting with punctuation).';
revoke all on function storefront.require_visitor_id(text) from public;
grant execute on function storefront.require_visitor_id(text) to anon, authenticated, service_role;
