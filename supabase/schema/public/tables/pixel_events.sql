create table public.pixel_events (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  event_id text not null,
  event_name text not null,
  visitor_id text,
  shopify_order_id text,
  value_cents bigint,
  currency character(3),
  ga4_status public.pixel_delivery_status default 'pending'::public.pixel_delivery_status not null,
  meta_status public.pixel_delivery_status default 'pending'::public.pixel_delivery_status not null,
  tiktok_status public.pixel_delivery_status default 'pending'::public.pixel_delivery_status not null,
  last_error text,
  occurred_at timestamp with time zone not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  marketing_consent boolean,
  user_data jsonb default '{}'::jsonb not null,
  constraint "pixel_events_pkey" PRIMARY KEY (workspace_id, id, occurred_at),
  constraint "pixel_events_currency_check" CHECK ((currency ~ '^[A-Z]{3}$'::text)),
  constraint "pixel_events_event_id_length" CHECK (((char_length(event_id) >= 1) AND (char_length(event_id) <= 128))),
  constraint "pixel_events_event_name_format" CHECK ((event_name ~ '^[a-z][a-z0-9_]{0,63}$'::text)),
  constraint "pixel_events_last_error_check" CHECK ((char_length(last_error) <= 2000)),
  constraint "pixel_events_shopify_order_id_check" CHECK (((char_length(shopify_order_id) >= 1) AND (char_length(shopify_order_id) <= 64))),
  constraint "pixel_events_user_data_object" CHECK ((jsonb_typeof(user_data) = 'object'::text)),
  constraint "pixel_events_value_cents_check" CHECK ((value_cents >= 0)),
  constraint "pixel_events_visitor_id_format" CHECK (private.is_visitor_id(visitor_id)),
  constraint "pixel_events_workspace_id_event_id_occurred_at_key" UNIQUE (workspace_id, event_id, occurred_at),
  constraint "pixel_events_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
) partition by RANGE (occurred_at);
-- partitions by month in private, made ahead and dropped by pg_cron (private.maintain_partitions)
comment on table public.pixel_events is 'Conversion events forwarded server-side to GA4, Meta and TikTok with each destination''s delivery status. One row per (event_id, occurred_at): the forwarder reports again with the same pair to update statuses. Partitioned by month on occurred_at (private.pixel_events_pYYYYMM), 13 months kept.';
comment on column public.pixel_events.event_id is 'The deduplication id sent to every destination (Meta event_id, GA4 transaction id ...).';
comment on column public.pixel_events.shopify_order_id is 'For purchase events: the Shopify order, matched against orders for the accuracy rollup.';
comment on column public.pixel_events.last_error is 'The last destination error, for failed deliveries.';
comment on column public.pixel_events.marketing_consent is 'The visitor''s marketing consent when the event happened (true, false, or null: unknown). Destinations that require consent skip events without it.';
comment on column public.pixel_events.user_data is 'What the platforms match the event with, hashed where they ask for hashes: em, ph, external_id (SHA-256 hex of the normalised value), fbp, fbc, ttp, ttclid, gclid, ga_client_id, client_user_agent, page_url. Never a plaintext email or phone.';

alter table public.pixel_events enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.pixel_events to service_role;
grant select on public.pixel_events to authenticated;

CREATE INDEX pixel_events_occurred_idx ON ONLY public.pixel_events USING btree (workspace_id, occurred_at);
CREATE INDEX pixel_events_order_idx ON ONLY public.pixel_events USING btree (workspace_id, shopify_order_id) WHERE (shopify_order_id IS NOT NULL);
CREATE INDEX pixel_events_visitor_consent_idx ON ONLY public.pixel_events USING btree (workspace_id, visitor_id, occurred_at DESC) WHERE (marketing_consent IS NOT NULL);

create policy "viewers read" on public.pixel_events for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.pixel_events FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER pixel_event_destinations BEFORE INSERT ON public.pixel_events FOR EACH ROW EXECUTE FUNCTION private.pixel_event_destinations();
CREATE TRIGGER queue_pixel_event_deliveries AFTER INSERT ON public.pixel_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.queue_pixel_event_deliveries();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.pixel_events FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
