create table private.webhook_events (
  id bigint generated always as identity not null,
  provider public.webhook_provider not null,
  topic text not null,
  external_id text not null,
  payload_sha256 text not null,
  workspace_id uuid,
  status public.webhook_event_status not null,
  attempts integer default 1 not null,
  error text,
  payload jsonb,
  received_at timestamp with time zone default now() not null,
  shop text,
  process_attempts integer default 0 not null,
  next_attempt_at timestamp with time zone,
  processed_at timestamp with time zone,
  constraint "webhook_events_pkey" PRIMARY KEY (id),
  constraint "webhook_events_error_check" CHECK ((char_length(error) <= 2000)),
  constraint "webhook_events_external_id_check" CHECK (((char_length(external_id) >= 1) AND (char_length(external_id) <= 255))),
  constraint "webhook_events_payload_sha256_check" CHECK ((payload_sha256 ~ '^[0-9a-f]{64}$'::text)),
  constraint "webhook_events_provider_external_id_key" UNIQUE (provider, external_id),
  constraint "webhook_events_topic_check" CHECK (((char_length(topic) >= 1) AND (char_length(topic) <= 128))),
  constraint "webhook_events_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table private.webhook_events is 'Every verified inbound delivery, once: deduplicated by the provider''s delivery id (Shopify X-Shopify-Webhook-Id) or, where there is none, the SHA-256 of the body (Tavus). Service only.';
comment on column private.webhook_events.attempts is 'Deliveries seen with this id (the first plus redeliveries).';
comment on column private.webhook_events.payload is 'The verified body, kept while the delivery waits or is retried; null once processed or ignored (payload_sha256 stays as the record of what arrived) or dropped by a privacy erasure.';
comment on column private.webhook_events.process_attempts is 'Times the processor tried to handle it.';
comment on column private.webhook_events.next_attempt_at is 'When a pending or failed event is (next) due for processing.';

alter table private.webhook_events enable row level security;
grant insert, select, update, delete, truncate, references, trigger on private.webhook_events to service_role;

CREATE INDEX webhook_events_due_idx ON private.webhook_events USING btree (id) WHERE (status = ANY (ARRAY['pending'::public.webhook_event_status, 'failed'::public.webhook_event_status]));
CREATE INDEX webhook_events_workspace_id_idx ON private.webhook_events USING btree (workspace_id);

CREATE TRIGGER apply_chatwoot_event AFTER INSERT ON private.webhook_events FOR EACH ROW WHEN ((new.provider = 'chatwoot'::public.webhook_provider)) EXECUTE FUNCTION private.apply_chatwoot_event();
CREATE TRIGGER apply_mux_event AFTER INSERT ON private.webhook_events FOR EACH ROW WHEN ((new.provider = 'mux'::public.webhook_provider)) EXECUTE FUNCTION private.apply_mux_event();
CREATE TRIGGER apply_resend_event AFTER INSERT ON private.webhook_events FOR EACH ROW WHEN ((new.provider = 'resend'::public.webhook_provider)) EXECUTE FUNCTION private.apply_resend_event();
CREATE TRIGGER apply_slack_event AFTER INSERT ON private.webhook_events FOR EACH ROW WHEN ((new.provider = 'slack'::public.webhook_provider)) EXECUTE FUNCTION private.apply_slack_event();
CREATE TRIGGER apply_tavus_event AFTER INSERT ON private.webhook_events FOR EACH ROW WHEN ((new.provider = 'tavus'::public.webhook_provider)) EXECUTE FUNCTION private.apply_tavus_event();
CREATE TRIGGER drop_processed_webhook_body BEFORE UPDATE ON private.webhook_events FOR EACH ROW WHEN (((new.status = ANY (ARRAY['processed'::public.webhook_event_status, 'ignored'::public.webhook_event_status])) AND (new.payload IS NOT NULL))) EXECUTE FUNCTION private.drop_processed_webhook_body();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id ON private.webhook_events FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id');
CREATE TRIGGER process_chatwoot_ticket_event AFTER INSERT ON private.webhook_events FOR EACH ROW WHEN (((new.provider = 'chatwoot'::public.webhook_provider) AND (new.topic = 'conversation_status_changed'::text))) EXECUTE FUNCTION private.process_chatwoot_ticket_event();
CREATE TRIGGER process_mux_review_media AFTER INSERT ON private.webhook_events FOR EACH ROW WHEN ((new.provider = 'mux'::public.webhook_provider)) EXECUTE FUNCTION private.process_mux_review_media();
CREATE TRIGGER wake_webhook_processor AFTER INSERT ON private.webhook_events REFERENCING NEW TABLE AS stored FOR EACH STATEMENT EXECUTE FUNCTION private.wake_webhook_processor();
