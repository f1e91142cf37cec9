create table public.orders (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  shopify_order_id text not null,
  order_number text,
  customer_id uuid,
  email_sha256 text,
  currency character(3) not null,
  subtotal_cents bigint default 0 not null,
  total_discounts_cents bigint default 0 not null,
  total_tax_cents bigint default 0 not null,
  total_shipping_cents bigint default 0 not null,
  total_price_cents bigint not null,
  total_refunded_cents bigint default 0 not null,
  financial_status public.order_financial_status default 'pending'::public.order_financial_status not null,
  fulfillment_status public.order_fulfillment_status default 'unfulfilled'::public.order_fulfillment_status not null,
  landing_site text,
  referring_site text,
  source_name text,
  utm_source text,
  utm_medium text,
  utm_campaign text,
  utm_content text,
  utm_term text,
  gclid text,
  fbclid text,
  ttclid text,
  processed_at timestamp with time zone not null,
  cancelled_at timestamp with time zone,
  source_updated_at timestamp with time zone,
  visitor_id text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "orders_pkey" PRIMARY KEY (id),
  constraint "orders_currency_check" CHECK ((currency ~ '^[A-Z]{3}$'::text)),
  constraint "orders_customer_id_fkey" FOREIGN KEY (customer_id, workspace_id) REFERENCES public.customers(id, workspace_id) ON DELETE SET NULL (customer_id),
  constraint "orders_email_sha256_check" CHECK ((email_sha256 ~ '^[0-9a-f]{64}$'::text)),
  constraint "orders_fbclid_check" CHECK ((char_length(fbclid) <= 512)),
  constraint "orders_gclid_check" CHECK ((char_length(gclid) <= 512)),
  constraint "orders_landing_site_check" CHECK ((char_length(landing_site) <= 4096)),
  constraint "orders_order_number_check" CHECK ((char_length(order_number) <= 64)),
  constraint "orders_referring_site_check" CHECK ((char_length(referring_site) <= 4096)),
  constraint "orders_shopify_order_id_check" CHECK (((char_length(shopify_order_id) >= 1) AND (char_length(shopify_order_id) <= 64))),
  constraint "orders_source_name_check" CHECK ((char_length(source_name) <= 128)),
  constraint "orders_subtotal_cents_check" CHECK ((subtotal_cents >= 0)),
  constraint "orders_total_discounts_cents_check" CHECK ((total_discounts_cents >= 0)),
  constraint "orders_total_price_cents_check" CHECK ((total_price_cents >= 0)),
  constraint "orders_total_refunded_cents_check" CHECK ((total_refunded_cents >= 0)),
  constraint "orders_total_shipping_cents_check" CHECK ((total_shipping_cents >= 0)),
  constraint "orders_total_tax_cents_check" CHECK ((total_tax_cents >= 0)),
  constraint "orders_ttclid_check" CHECK ((char_length(ttclid) <= 512)),
  constraint "orders_utm_campaign_check" CHECK ((char_length(utm_campaign) <= 256)),
  constraint "orders_utm_content_check" CHECK ((char_length(utm_content) <= 256)),
  constraint "orders_utm_medium_check" CHECK ((char_length(utm_medium) <= 256)),
  constraint "orders_utm_source_check" CHECK ((char_length(utm_source) <= 256)),
  constraint "orders_utm_term_check" CHECK ((char_length(utm_term) <= 256)),
  constraint "orders_visitor_id_format" CHECK (private.is_visitor_id(visitor_id)),
  constraint "orders_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "orders_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "orders_workspace_id_shopify_order_id_key" UNIQUE (workspace_id, shopify_order_id)
);
comment on table public.orders is 'Shopify orders, written by public.upsert_orders (webhooks, backfills, imports). Net revenue = total_price_cents - total_refunded_cents, counted when not cancelled.';
comment on column public.orders.email_sha256 is 'Hash of the order email (guest checkouts have no customer id).';
comment on column public.orders.landing_site is 'First page of the session that ordered; utm_* and click ids are parsed from it when the source gives none.';
comment on column public.orders.source_updated_at is 'Shopify''s updated_at of the version stored; an older version never overwrites a newer one.';
comment on column public.orders.visitor_id is 'The storefront visitor id of the session that ordered (Shopify cart attribute _visitor_id). Turns the order into experiment purchases and an attribution conversion.';

alter table public.orders enable row level security;
grant insert, select, update, delete on public.orders to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.orders to service_role;

CREATE INDEX orders_customer_id_workspace_id_idx ON public.orders USING btree (customer_id, workspace_id);
CREATE INDEX orders_workspace_processed_at_idx ON public.orders USING btree (workspace_id, processed_at);
CREATE INDEX orders_workspace_updated_idx ON public.orders USING btree (workspace_id, updated_at, id);
CREATE INDEX orders_workspace_visitor_idx ON public.orders USING btree (workspace_id, visitor_id) WHERE (visitor_id IS NOT NULL);

create policy "members add" on public.orders for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.orders for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.orders for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.orders for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER attribution_conversions_insert AFTER INSERT ON public.orders REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION private.orders_to_conversions();
CREATE TRIGGER attribution_conversions_update AFTER UPDATE ON public.orders REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION private.orders_to_conversions();
CREATE TRIGGER award_gift_card AFTER INSERT OR UPDATE OF financial_status, subtotal_cents, cancelled_at ON public.orders FOR EACH ROW EXECUTE FUNCTION private.award_gift_card();
CREATE TRIGGER check_order_customer_tenant BEFORE INSERT OR UPDATE OF customer_id, workspace_id ON public.orders FOR EACH ROW EXECUTE FUNCTION private.check_order_customer_tenant();
CREATE TRIGGER experiment_purchases AFTER INSERT OR UPDATE OF visitor_id, cancelled_at ON public.orders FOR EACH ROW EXECUTE FUNCTION private.order_experiment_purchases();
CREATE TRIGGER experiment_stats_delete AFTER DELETE ON public.orders REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.experiment_stats_changed();
CREATE TRIGGER experiment_stats_insert AFTER INSERT ON public.orders REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.experiment_stats_changed();
CREATE TRIGGER experiment_stats_update AFTER UPDATE ON public.orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.experiment_stats_changed();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.orders FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER link_survey_orders AFTER INSERT ON public.orders REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION private.link_survey_orders();
CREATE TRIGGER order_purchase_events AFTER INSERT ON public.orders REFERENCING NEW TABLE AS new_orders FOR EACH STATEMENT EXECUTE FUNCTION private.order_purchase_events();
CREATE TRIGGER order_webhook_events_insert AFTER INSERT ON public.orders REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION private.order_webhook_events();
CREATE TRIGGER order_webhook_events_update AFTER UPDATE ON public.orders REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION private.order_webhook_events();
CREATE TRIGGER queue_review_request_on_insert AFTER INSERT ON public.orders FOR EACH ROW WHEN ((new.fulfillment_status = 'fulfilled'::public.order_fulfillment_status)) EXECUTE FUNCTION private.queue_review_request();
CREATE TRIGGER queue_review_request_on_update AFTER UPDATE OF fulfillment_status, cancelled_at, financial_status ON public.orders FOR EACH ROW WHEN ((((new.fulfillment_status = 'fulfilled'::public.order_fulfillment_status) AND (old.fulfillment_status IS DISTINCT FROM 'fulfilled'::public.order_fulfillment_status)) OR ((new.cancelled_at IS NOT NULL) AND (old.cancelled_at IS NULL)) OR ((new.financial_status = ANY (ARRAY['refunded'::public.order_financial_status, 'voided'::public.order_financial_status])) AND (old.financial_status <> ALL (ARRAY['refunded'::public.order_financial_status, 'voided'::public.order_financial_status]))))) EXECUTE FUNCTION private.queue_review_request();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.orders FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
