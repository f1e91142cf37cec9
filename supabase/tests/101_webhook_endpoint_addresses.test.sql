-- Outbound webhook endpoints are refused at registration when their URL alone shows they would
-- reach our own network: metadata, loopback (outside development), private and other non-public
-- literals in any spelling, internal names, http outside development. Through the admin's RPC,
-- a direct insert and an update of the URL.
begin;
set search_path = extensions, public;
select plan(12);
select tests.two_workspaces();

-- A hosted project: growthbase.environment is not 'development'.
set local growthbase.environment = 'production';
select tests.authenticate_as('admin-a');
select throws_ok($$ select * from public.create_webhook_endpoint(tests.workspace_id('A'),
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/', '{order.created}') $$,
  '22023', 'url: this endpoint cannot receive webhooks (cloud metadata address)', 'production: the metadata address is refused');
select throws_ok($$ select * from public.create_webhook_endpoint(tests.workspace_id('A'), 'http://127.0.0.1:54322/', '{order.created}') $$,
  '22023', 'url: this endpoint cannot receive webhooks (loopback address)', 'production: the database port on loopback is refused');
select throws_ok($$ select * from public.create_webhook_endpoint(tests.workspace_id('A'), 'https://127.1:8443/', '{order.created}') $$,
  '22023', 'url: this endpoint cannot receive webhooks (an IP address must be written as four decimal numbers)',
  'a short IPv4 spelling is refused');
select throws_ok($$ select * from public.create_webhook_endpoint(tests.workspace_id('A'), 'https://0xA9FEA9FE/', '{order.created}') $$,
  '22023', 'url: this endpoint cannot receive webhooks (an IP address must be written as four decimal numbers)',
  'a hex IPv4 spelling is refused');
select throws_ok($$ select * from public.create_webhook_endpoint(tests.workspace_id('A'), 'https://[::ffff:169.254.169.254]/', '{order.created}') $$,
  '22023', 'url: this endpoint cannot receive webhooks (cloud metadata address)', 'IPv4-mapped IPv6 is decided by its IPv4');
select throws_ok($$ select * from public.create_webhook_endpoint(tests.workspace_id('A'), 'https://[fd00::1]/x', '{order.created}') $$,
  '22023', 'url: this endpoint cannot receive webhooks (unique-local address)', 'unique-local IPv6 is refused');
select throws_ok($$ select * from public.create_webhook_endpoint(tests.workspace_id('A'), 'http://hooks.example.com/x', '{order.created}') $$,
  '22023', 'url: this endpoint cannot receive webhooks (not https)', 'production: http is refused');
select lives_ok($$ select * from public.create_webhook_endpoint(tests.workspace_id('A'), 'https://hooks.example.com/x', '{order.created}') $$,
  'a public https URL is registered');
select throws_ok($$ update public.webhook_endpoints set url = 'https://10.0.0.8/x' where workspace_id = tests.workspace_id('A') $$,
  '22023', 'url: this endpoint cannot receive webhooks (private address)', 'changing the URL is checked too');
select tests.clear_authentication();
select throws_ok($$ insert into public.webhook_endpoints (workspace_id, url, events)
    values (tests.workspace_id('A'), 'https://metadata.google.internal/x', '{order.created}') $$,
  '22023', 'url: this endpoint cannot receive webhooks (internal host name)', 'a direct insert, even by the owner of the table, is checked');

-- The local stack: http and loopback fakes are allowed; the rest stays refused.
set local growthbase.environment = 'development';
select tests.authenticate_as('admin-a');
select lives_ok($$ select * from public.create_webhook_endpoint(tests.workspace_id('A'), 'http://127.0.0.1:54399/sink', '{order.created}') $$,
  'development: a loopback fake over http is registered');
select throws_ok($$ select * from public.create_webhook_endpoint(tests.workspace_id('A'), 'http://169.254.169.254/', '{order.created}') $$,
  '22023', 'url: this endpoint cannot receive webhooks (cloud metadata address)', 'development: metadata stays refused');
select tests.clear_authentication();

select * from finish();
rollback;
