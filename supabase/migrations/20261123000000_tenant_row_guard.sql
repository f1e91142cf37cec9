-- Tenant rows never move: workspace_id, created_at and created_by are fixed at insert.
-- A user who belongs to two workspaces could `update orders set workspace_id = <other>` (both
-- sides pass the policies) and leave the order's line items behind. One shared trigger, which the
-- tenant-policy helper installs on every tenant table from now on and which this migration adds
-- to the tables that landed before it. Also: one helper for batch caps, so every batch RPC
-- refuses oversized input the same way.

create function private.keep_tenant_keys() returns trigger
language plpgsql set search_path = '' as $$
declare
  col text;
  before_j jsonb := to_jsonb(old);
  after_j jsonb := to_jsonb(new);
begin
  foreach col in array tg_argv loop
    if after_j -> col is distinct from before_j -> col then
      raise exception '% cannot change once a row exists', col
        using errcode = '42501',
              detail = format('table %s keeps %s fixed after insert', tg_table_name, array_to_string(tg_argv, ', ')),
              hint = 'create a new row in the other workspace instead';
    end if;
  end loop;
  return new;
end $$;
comment on function private.keep_tenant_keys() is 'BEFORE UPDATE OF <the named columns> trigger: raises 42501 when workspace_id, created_at or created_by would change. Installed by private.install_tenant_guard().';
revoke all on function private.keep_tenant_keys() from public;

-- Installs keep_tenant_keys on a table, naming whichever of the three columns it has. Firing
-- only when an UPDATE sets one of them keeps the cost off ordinary updates and upserts.
create function private.install_tenant_guard(p_table regclass) returns void
language plpgsql volatile set search_path = '' as $$
declare
  cols text[];
begin
  select array_agg(a.attname::text order by a.attnum) into cols
  from pg_attribute a
  where a.attrelid = p_table and not a.attisdropped and a.attnum > 0
    and a.attname in ('workspace_id', 'created_at', 'created_by');
  if cols is null or not ('workspace_id' = any (cols)) then
    raise exception 'install_tenant_guard: % has no workspace_id column', p_table;
  end if;
  execute format(
    'create or replace trigger keep_tenant_keys before update of %s on %s for each row execute function private.keep_tenant_keys(%s)',
    (select string_agg(quote_ident(c), ', ') from unnest(cols) c), p_table,
    (select string_agg(quote_literal(c), ', ') from unnest(cols) c));
end $$;
comment on function private.install_tenant_guard(regclass) is 'Migration helper: installs the keep_tenant_keys trigger for the workspace_id/created_at/created_by columns the table has.';
revoke all on function private.install_tenant_guard(regclass) from public;

-- The standard tenant policies now come with the guard.
create or replace function private.tenant_policies(p_table regclass, p_read public.workspace_role, p_write public.workspace_role)
returns void
language plpgsql volatile set search_path = '' as $$
declare
  r text := format('workspace_id = any (array(select private.workspace_ids(%L)))', p_read);
  w text := format('workspace_id = any (array(select private.workspace_ids(%L)))', p_write);
begin
  execute format('create policy %I on %s for select to authenticated using (%s)', p_read || 's read', p_table, r);
  execute format('create policy %I on %s for insert to authenticated with check (%s)', p_write || 's add', p_table, w);
  execute format('create policy %I on %s for update to authenticated using (%s) with check (%s)',
                 p_write || 's change', p_table, w, w);
  execute format('create policy %I on %s for delete to authenticated using (%s)', p_write || 's remove', p_table, w);
  perform private.install_tenant_guard(p_table);
end $$;
comment on function private.tenant_policies(regclass, public.workspace_role, public.workspace_role) is 'Migration helper: creates the standard select/insert/update/delete policies of a tenant table and installs the keep_tenant_keys guard.';

-- Every tenant table that landed before this migration.
do $$
declare
  t regclass;
begin
  for t in
    select c.oid::regclass from pg_class c
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'workspace_id' and not a.attisdropped
    where c.relnamespace in ('public'::regnamespace, 'private'::regnamespace) and c.relkind in ('r', 'p')
    order by c.oid
  loop
    perform private.install_tenant_guard(t);
  end loop;
end $$;

-- Batch caps: raise PT413 (HTTP 413 through PostgREST) naming the cap, before any work is done.
create function private.require_batch_size(p_what text, p_count bigint, p_max bigint) returns void
language plpgsql immutable set search_path = '' as $$
begin
  if p_count > p_max then
    raise exception 'too many %: % given, at most % per call', p_what, p_count, p_max
      using errcode = 'PT413', hint = 'split the batch into smaller calls';
  end if;
end $$;
comment on function private.require_batch_size(text, bigint, bigint) is 'For batch RPCs: raises PT413 (HTTP 413) when p_count exceeds the documented cap p_max.';
revoke all on function private.require_batch_size(text, bigint, bigint) from public;
grant execute on function private.require_batch_size(text, bigint, bigint) to authenticated, service_role;
