create table public.review_requests (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  order_id uuid not null,
  trigger_event public.review_request_trigger not null,
  status public.review_request_status default 'queued'::public.review_request_status not null,
  send_after timestamp with time zone not null,
  shopify_product_ids text[] default '{}'::text[] not null,
  attempts integer default 0 not null,
  claimed_until timestamp with time zone,
  provider_message_id text,
  last_error text,
  cancel_reason text,
  due_at timestamp with time zone,
  sent_at timestamp with time zone,
  opened_at timestamp with time zone,
  completed_at timestamp with time zone,
  cancelled_at timestamp with time zone,
  created_by uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  email_status public.email_delivery_status,
  email_status_at timestamp with time zone,
  constraint "review_requests_pkey" PRIMARY KEY (id),
  constraint "review_requests_attempts_check" CHECK ((attempts >= 0)),
  constraint "review_requests_cancel_reason_check" CHECK ((char_length(cancel_reason) <= 500)),
  constraint "review_requests_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "review_requests_last_error_check" CHECK ((char_length(last_error) <= 2000)),
  constraint "review_requests_order_id_key" UNIQUE (order_id),
  constraint "review_requests_provider_message_id_check" CHECK ((char_length(provider_message_id) <= 256)),
  constraint "review_requests_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "review_requests_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "review_requests_workspace_id_order_id_fkey" FOREIGN KEY (order_id, workspace_id) REFERENCES public.orders(id, workspace_id) ON DELETE CASCADE
);
comment on table public.review_requests is 'One review request per order: queued when the order is fulfilled (or by a member), marked due by pg_cron, claimed and sent by the email dispatcher with a one-time token, opened and completed by the customer. Written only by triggers and SQL functions.';
comment on column public.review_requests.order_id is 'The order; unique, so redelivered webhooks and repeated fulfilment never queue a second request.';
comment on column public.review_requests.send_after is 'When the request becomes due: fulfilment time (Shopify''s updated_at of the fulfilled version) + review_settings.request_delay_days, never in the past.';
comment on column public.review_requests.shopify_product_ids is 'The order''s products (Shopify product ids), fixed when the request becomes due; the token verifies reviews of these only.';
comment on column public.review_requests.attempts is 'How many times the dispatcher claimed it; after 5 failed deliveries it is cancelled.';
comment on column public.review_requests.claimed_until is 'Lease of the dispatcher''s current claim; a crashed dispatcher''s claim comes back after it.';
comment on column public.review_requests.created_by is 'The member who asked for a manual request; null for fulfilment.';
comment on column public.review_requests.email_status is 'The review request email''s delivery as Resend reports it (sent, delivered, opened, clicked, bounced, complained, suppressed, failed); null before it is queued.';
comment on column public.review_requests.email_status_at is 'When email_status last changed.';

alter table public.review_requests enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.review_requests to service_role;
grant select on public.review_requests to authenticated;

CREATE INDEX review_requests_created_by_idx ON public.review_requests USING btree (created_by);
CREATE INDEX review_requests_due_idx ON public.review_requests USING btree (due_at) WHERE (status = 'due'::public.review_request_status);
CREATE INDEX review_requests_order_idx ON public.review_requests USING btree (order_id, workspace_id);
CREATE INDEX review_requests_queued_idx ON public.review_requests USING btree (send_after) WHERE (status = 'queued'::public.review_request_status);
CREATE INDEX review_requests_workspace_status_idx ON public.review_requests USING btree (workspace_id, status, created_at DESC);

create policy "viewers read" on public.review_requests for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER drop_finished_review_token AFTER UPDATE OF status ON public.review_requests FOR EACH ROW WHEN (((new.status = ANY (ARRAY['completed'::public.review_request_status, 'cancelled'::public.review_request_status])) AND (old.status IS DISTINCT FROM new.status))) EXECUTE FUNCTION private.drop_finished_review_token();
CREATE TRIGGER guard_review_request_status BEFORE UPDATE OF status ON public.review_requests FOR EACH ROW EXECUTE FUNCTION private.guard_review_request_status();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.review_requests FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.review_requests FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
