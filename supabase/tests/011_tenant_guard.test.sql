-- Tenant rows never move between workspaces, and batch caps answer PT413: from the outside,
-- as a user who belongs to both workspaces (the attack that found it), and as service_role.
begin;
set search_path = extensions, public;
select plan(12);
select tests.without_demo_data();

select tests.two_workspaces();
-- member-a also becomes a member of B: both sides of a move pass the policies.
insert into public.workspace_members (workspace_id, user_id, role)
values (tests.workspace_id('B'), tests.user_id('member-a'), 'member');
with r as (insert into public.orders (workspace_id, shopify_order_id, currency, total_price_cents, processed_at)
  values (tests.workspace_id('A'), 'o-1', 'USD', 1000, now()) returning id)
select tests.remember('order o-1', id) from r;
insert into public.order_line_items (workspace_id, order_id, title, quantity, price_cents)
values (tests.workspace_id('A'), tests.id('order o-1'), 'balm', 1, 1000);

select tests.authenticate_as('member-a');
select throws_ok($$ update public.orders set workspace_id = tests.workspace_id('B')
                    where id = tests.id('order o-1') $$,
  '42501', 'workspace_id cannot change once a row exists', 'a member of both workspaces cannot move an order');
select throws_ok($$ update public.order_line_items set workspace_id = tests.workspace_id('B') $$,
  '23503', 'order_line_items: the order belongs to another workspace',
  'nor its line items (their own workspace check fires first)');
select throws_ok($$ update public.orders set created_at = '2020-01-01' where id = tests.id('order o-1') $$,
  '42501', 'created_at cannot change once a row exists', 'created_at is fixed');
select lives_ok($$ update public.orders set workspace_id = tests.workspace_id('A'), total_price_cents = 1200
                   where id = tests.id('order o-1') $$,
  'setting workspace_id to the value it has is an ordinary update');

select tests.authenticate_as_service_role();
select throws_ok($$ update public.orders set workspace_id = tests.workspace_id('B') $$,
  '42501', 'workspace_id cannot change once a row exists', 'service_role cannot move rows either');
select tests.clear_authentication();
select is((select workspace_id from public.orders where id = tests.id('order o-1')),
  tests.workspace_id('A'), 'the order is still in A');

select throws_ok($$ select private.require_batch_size('orders', 501, 500) $$,
  'PT413', 'too many orders: 501 given, at most 500 per call', 'a batch over its cap is PT413 naming the cap');
select lives_ok($$ select private.require_batch_size('orders', 500, 500) $$, 'a batch at its cap passes');

-- a table created the way a later migration does gets the guard from the helper
create table public.guard_probe (id int primary key, workspace_id uuid not null, created_at timestamptz not null default now(),
  updated_at timestamptz not null default now());
select private.install_row_triggers('public.guard_probe');
select is((select string_agg(format('%s', tgname), ' ' order by tgname) from pg_trigger where tgrelid = 'public.guard_probe'::regclass and not tgisinternal),
  'keep_tenant_keys set_updated_at', 'private.install_row_triggers installs keep_tenant_keys and set_updated_at');
select is((select pg_get_triggerdef(oid) ~ 'UPDATE OF workspace_id, created_at ON' from pg_trigger where tgrelid = 'public.guard_probe'::regclass and tgname = 'keep_tenant_keys'),
  true, 'the guard names the tenant columns the table has, not updated_at');
select private.tenant_policies('public.guard_probe', 'viewer', 'member', p_delete => 'admin');
select is((select string_agg(format('%s %s', polname, polcmd), ', ' order by polname) from pg_policy where polrelid = 'public.guard_probe'::regclass),
  'admins remove d, members add a, members change w, viewers read r',
  'private.tenant_policies makes one policy per command, p_delete overriding the delete role');
select throws_ok($$ select private.tenant_policy('public.guard_probe', 'truncate', 'admin') $$, 'P0001',
  'tenant_policy: truncate is not select, insert, update or delete', 'an unknown command is refused');

select * from finish();
rollback;
