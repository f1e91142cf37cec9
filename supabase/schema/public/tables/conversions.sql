create table public.conversions (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  order_id uuid not null,
  customer_id uuid,
  identity_id uuid,
  visitor_id text,
  revenue_cents bigint not null,
  currency character(3) not null,
  order_channel public.marketing_channel not null,
  order_source text,
  order_medium text,
  order_campaign text,
  order_utm_id text,
  occurred_at timestamp with time zone not null,
  credited_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "conversions_pkey" PRIMARY KEY (id),
  constraint "conversions_currency_check" CHECK ((currency ~ '^[A-Z]{3}$'::text)),
  constraint "conversions_customer_id_fkey" FOREIGN KEY (customer_id, workspace_id) REFERENCES public.customers(id, workspace_id) ON DELETE SET NULL (customer_id),
  constraint "conversions_order_id_fkey" FOREIGN KEY (order_id, workspace_id) REFERENCES public.orders(id, workspace_id) ON DELETE CASCADE,
  constraint "conversions_order_id_key" UNIQUE (order_id),
  constraint "conversions_order_id_workspace_id_key" UNIQUE (order_id, workspace_id),
  constraint "conversions_revenue_cents_check" CHECK ((revenue_cents >= 0)),
  constraint "conversions_visitor_id_format" CHECK (private.is_visitor_id(visitor_id)),
  constraint "conversions_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "conversions_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "conversions_workspace_id_identity_id_fkey" FOREIGN KEY (workspace_id, identity_id) REFERENCES public.customer_identities(workspace_id, id) ON DELETE SET NULL (identity_id)
);
comment on table public.conversions is 'One per uncancelled order (kept by a trigger on orders): net revenue, the visitor and identity whose touchpoints form its journey, and the order''s own channel for conversions without touchpoints. Credited by pg_cron (attribution_credits).';
comment on column public.conversions.revenue_cents is 'Net revenue of the order (total minus refunds, not below 0). A change recredits the conversion.';
comment on column public.conversions.order_channel is 'Channel of the order itself (its utm fields, click ids and referring site): all the credit goes there when the journey has no touchpoints.';
comment on column public.conversions.credited_at is 'When its credits were stored; null while pending (new, or revenue changed). Reports compute pending conversions on the fly.';

alter table public.conversions enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.conversions to service_role;
grant select on public.conversions to authenticated;

CREATE INDEX conversions_customer_id_workspace_id_idx ON public.conversions USING btree (customer_id, workspace_id);
CREATE INDEX conversions_identity_idx ON public.conversions USING btree (workspace_id, identity_id);
CREATE INDEX conversions_pending_idx ON public.conversions USING btree (created_at) WHERE (credited_at IS NULL);
CREATE INDEX conversions_visitor_idx ON public.conversions USING btree (workspace_id, visitor_id) WHERE (visitor_id IS NOT NULL);
CREATE INDEX conversions_workspace_occurred_idx ON public.conversions USING btree (workspace_id, occurred_at);

create policy "viewers read" on public.conversions for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER drop_stale_credits AFTER UPDATE OF credited_at ON public.conversions FOR EACH ROW WHEN (((old.credited_at IS NOT NULL) AND (new.credited_at IS NULL))) EXECUTE FUNCTION private.drop_stale_credits();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.conversions FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.conversions FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
