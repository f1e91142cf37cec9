create table public.integration_connections (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  provider public.integration_provider not null,
  external_account_id text not null,
  status public.connection_status default 'active'::public.connection_status not null,
  scopes text[] default '{}'::text[] not null,
  expires_at timestamp with time zone,
  connected_by uuid,
  last_refreshed_at timestamp with time zone,
  last_error text,
  metadata jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  health public.connection_health default 'ok'::public.connection_health not null,
  health_changed_at timestamp with time zone,
  throttled_until timestamp with time zone,
  last_success_at timestamp with time zone,
  last_failure_at timestamp with time zone,
  consecutive_failures integer default 0 not null,
  constraint "integration_connections_pkey" PRIMARY KEY (id),
  constraint "integration_connections_connected_by_fkey" FOREIGN KEY (connected_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "integration_connections_consecutive_failures_check" CHECK ((consecutive_failures >= 0)),
  constraint "integration_connections_external_account_id_check" CHECK (((char_length(external_account_id) >= 1) AND (char_length(external_account_id) <= 255))),
  constraint "integration_connections_last_error_check" CHECK ((char_length(last_error) <= 2000)),
  constraint "integration_connections_metadata_check" CHECK ((jsonb_typeof(metadata) = 'object'::text)),
  constraint "integration_connections_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "integration_connections_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "integration_connections_workspace_id_provider_external_acco_key" UNIQUE (workspace_id, provider, external_account_id)
);
comment on table public.integration_connections is 'One row per connected external account (a Shopify shop, a Meta ad account, a Google Ads customer ...). Tokens live encrypted in private.integration_tokens. Admins read; edge functions write.';
comment on column public.integration_connections.external_account_id is 'The provider''s id for the account: the shop domain for Shopify, act_... for Meta, the customer id for Google Ads.';
comment on column public.integration_connections.expires_at is 'When the access token expires, if it does; the refresh job renews tokens expiring soon.';
comment on column public.integration_connections.last_error is 'The last error a provider call or a token refresh reported, for people to read.';
comment on column public.integration_connections.health is 'ok | rate_limited | reauth_required | failing, from the outcomes of the provider calls made with this connection (private.record_connection_call).';
comment on column public.integration_connections.health_changed_at is 'When health last changed.';
comment on column public.integration_connections.throttled_until is 'The provider asked us not to call before this time (Retry-After, Meta''s estimated time to regain access ...); queues skip the connection until then.';
comment on column public.integration_connections.last_success_at is 'The last provider call through this connection that worked (recorded at most once a minute).';
comment on column public.integration_connections.last_failure_at is 'The last provider call through this connection that failed or was throttled.';
comment on column public.integration_connections.consecutive_failures is 'Failed calls in a row (throttling not counted); 3 make the connection failing.';

alter table public.integration_connections enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.integration_connections to service_role;
grant select on public.integration_connections to authenticated;
alter publication supabase_realtime add table public.integration_connections;

CREATE INDEX integration_connections_connected_by_idx ON public.integration_connections USING btree (connected_by);
CREATE INDEX integration_connections_expiring_idx ON public.integration_connections USING btree (expires_at) WHERE (status = 'active'::public.connection_status);
CREATE UNIQUE INDEX integration_connections_one_active_shop ON public.integration_connections USING btree (external_account_id) WHERE ((provider = 'shopify'::public.integration_provider) AND (status = 'active'::public.connection_status));
comment on index public.integration_connections_one_active_shop is 'A Shopify shop is actively connected to one workspace at most.';
CREATE INDEX integration_connections_unhealthy_idx ON public.integration_connections USING btree (workspace_id, health) WHERE (health <> 'ok'::public.connection_health);

create policy "admins read" on public.integration_connections for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER ad_connection_connected AFTER INSERT OR UPDATE OF status ON public.integration_connections FOR EACH ROW WHEN (((new.provider = ANY (ARRAY['meta'::public.integration_provider, 'google_ads'::public.integration_provider, 'tiktok'::public.integration_provider])) AND (new.status = 'active'::public.connection_status))) EXECUTE FUNCTION private.ad_connection_connected();
CREATE TRIGGER analytics_connection_connected AFTER INSERT OR UPDATE OF status, scopes ON public.integration_connections FOR EACH ROW WHEN (((new.provider = ANY (ARRAY['google_search_console'::public.integration_provider, 'pagespeed'::public.integration_provider, 'tiktok_account'::public.integration_provider, 'fairing'::public.integration_provider, 'meta'::public.integration_provider])) AND (new.status = 'active'::public.connection_status))) EXECUTE FUNCTION private.analytics_connection_connected();
CREATE TRIGGER connection_expired AFTER UPDATE OF status ON public.integration_connections FOR EACH ROW WHEN (((new.status = 'expired'::public.connection_status) AND (old.status IS DISTINCT FROM 'expired'::public.connection_status))) EXECUTE FUNCTION private.connection_expired();
CREATE TRIGGER connection_webhook_events AFTER INSERT OR UPDATE OF status ON public.integration_connections FOR EACH ROW EXECUTE FUNCTION private.connection_webhook_events();
CREATE TRIGGER gift_cards_writable AFTER INSERT OR UPDATE OF status, scopes ON public.integration_connections FOR EACH ROW WHEN (((new.provider = 'shopify'::public.integration_provider) AND (new.status = 'active'::public.connection_status) AND ('write_gift_cards'::text = ANY (new.scopes)))) EXECUTE FUNCTION private.gift_cards_writable();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.integration_connections FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.integration_connections FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER slack_connected AFTER INSERT ON public.integration_connections FOR EACH ROW WHEN ((new.provider = 'slack'::public.integration_provider)) EXECUTE FUNCTION private.slack_connected();
