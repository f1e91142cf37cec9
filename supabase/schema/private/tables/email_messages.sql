create table private.email_messages (
  id bigint generated always as identity not null,
  workspace_id uuid,
  kind public.email_kind not null,
  idempotency_key text not null,
  to_email text not null,
  from_address text,
  reply_to text,
  subject text not null,
  html text,
  text_body text,
  headers jsonb default '{}'::jsonb not null,
  status private.email_message_status default 'queued'::private.email_message_status not null,
  batch_key text,
  attempts integer default 0 not null,
  max_attempts integer default 8 not null,
  next_attempt_at timestamp with time zone default now() not null,
  lease_expires_at timestamp with time zone,
  provider_message_id text,
  last_error text,
  sent_at timestamp with time zone,
  delivered_at timestamp with time zone,
  opened_at timestamp with time zone,
  clicked_at timestamp with time zone,
  bounced_at timestamp with time zone,
  complained_at timestamp with time zone,
  finished_at timestamp with time zone,
  review_request_id uuid,
  gift_card_email_id uuid,
  email_campaign_id uuid,
  email_contact_id uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "email_messages_pkey" PRIMARY KEY (id),
  constraint "a sending email is leased" CHECK (((status = 'sending'::private.email_message_status) = (lease_expires_at IS NOT NULL))),
  constraint "an email has an HTML or a text body" CHECK ((COALESCE(html, text_body) IS NOT NULL)),
  constraint "email_messages_attempts_check" CHECK ((attempts >= 0)),
  constraint "email_messages_batch_key_check" CHECK ((char_length(batch_key) <= 256)),
  constraint "email_messages_from_address_check" CHECK (((char_length(from_address) <= 600) AND (from_address !~ '[\r\n]'::text))),
  constraint "email_messages_headers_check" CHECK ((jsonb_typeof(headers) = 'object'::text)),
  constraint "email_messages_html_check" CHECK ((char_length(html) <= 1000000)),
  constraint "email_messages_idempotency_key_check" CHECK (((char_length(idempotency_key) >= 1) AND (char_length(idempotency_key) <= 200))),
  constraint "email_messages_key" UNIQUE NULLS NOT DISTINCT (workspace_id, idempotency_key),
  constraint "email_messages_last_error_check" CHECK ((char_length(last_error) <= 2000)),
  constraint "email_messages_max_attempts_check" CHECK (((max_attempts >= 1) AND (max_attempts <= 50))),
  constraint "email_messages_provider_message_id_check" CHECK ((char_length(provider_message_id) <= 256)),
  constraint "email_messages_reply_to_check" CHECK (((char_length(reply_to) <= 320) AND (reply_to !~ '[\r\n]'::text))),
  constraint "email_messages_subject_check" CHECK ((((char_length(subject) >= 1) AND (char_length(subject) <= 998)) AND (subject !~ '[\r\n]'::text))),
  constraint "email_messages_text_body_check" CHECK ((char_length(text_body) <= 1000000)),
  constraint "email_messages_to_email_check" CHECK (((to_email ~ '^[^@\s<>]+@[^@\s<>]+$'::text) AND (char_length(to_email) <= 320))),
  constraint "email_messages_workspace_id_email_campaign_id_fkey" FOREIGN KEY (workspace_id, email_campaign_id) REFERENCES public.email_campaigns(workspace_id, id) ON DELETE SET NULL (email_campaign_id),
  constraint "email_messages_workspace_id_email_contact_id_fkey" FOREIGN KEY (workspace_id, email_contact_id) REFERENCES public.email_contacts(workspace_id, id) ON DELETE SET NULL (email_contact_id),
  constraint "email_messages_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "email_messages_workspace_id_gift_card_email_id_fkey" FOREIGN KEY (workspace_id, gift_card_email_id) REFERENCES public.gift_card_emails(workspace_id, id) ON DELETE SET NULL (gift_card_email_id),
  constraint "email_messages_workspace_id_review_request_id_fkey" FOREIGN KEY (workspace_id, review_request_id) REFERENCES public.review_requests(workspace_id, id) ON DELETE SET NULL (review_request_id),
  constraint "only account emails have no workspace" CHECK (((workspace_id IS NOT NULL) OR (kind = 'privacy_export'::public.email_kind)))
);
comment on table private.email_messages is 'The one email outbox: a row per recipient, rendered when queued, sent by the email-send worker through Resend, then updated by Resend''s delivery events. Service only (bodies hold tokens and codes); what the frontend sees is rolled up onto email_campaigns, review_requests and gift_card_emails. Finished rows are deleted after 30 days.';
comment on column private.email_messages.idempotency_key is 'What the message is for, unique per workspace (review_request:<id>, campaign:<id>:<contact>, ...): queueing the same email twice is one message.';
comment on column private.email_messages.from_address is 'Name <address> as sent; null: the platform''s default sender (EMAIL_DEFAULT_FROM).';
comment on column private.email_messages.headers is 'Extra headers: List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) on marketing emails and review requests.';
comment on column private.email_messages.batch_key is 'The Idempotency-Key of the provider call that carries this message, set when first claimed and never changed: campaign messages share one per batch of up to 100 (the batch endpoint), other messages use their own key.';
comment on column private.email_messages.lease_expires_at is 'While sending: when the claim lapses and the batch may be claimed again (the same key makes the provider answer, not send).';
comment on column private.email_messages.provider_message_id is 'Resend''s email id, which its delivery events name.';

alter table private.email_messages enable row level security;
grant select on private.email_messages to service_role;

CREATE INDEX email_messages_batch_idx ON private.email_messages USING btree (batch_key) WHERE (batch_key IS NOT NULL);
CREATE INDEX email_messages_campaign_idx ON private.email_messages USING btree (workspace_id, email_campaign_id, status) WHERE (email_campaign_id IS NOT NULL);
CREATE INDEX email_messages_contact_idx ON private.email_messages USING btree (workspace_id, email_contact_id) WHERE (email_contact_id IS NOT NULL);
CREATE INDEX email_messages_due_idx ON private.email_messages USING btree (next_attempt_at, id) WHERE ((status = 'queued'::private.email_message_status) AND (batch_key IS NOT NULL));
CREATE INDEX email_messages_finished_idx ON private.email_messages USING btree (finished_at) WHERE (finished_at IS NOT NULL);
CREATE INDEX email_messages_fresh_idx ON private.email_messages USING btree (next_attempt_at, id) WHERE ((status = 'queued'::private.email_message_status) AND (batch_key IS NULL));
CREATE INDEX email_messages_gift_card_email_idx ON private.email_messages USING btree (workspace_id, gift_card_email_id) WHERE (gift_card_email_id IS NOT NULL);
CREATE INDEX email_messages_leased_idx ON private.email_messages USING btree (lease_expires_at) WHERE (status = 'sending'::private.email_message_status);
CREATE INDEX email_messages_provider_id_idx ON private.email_messages USING btree (provider_message_id) WHERE (provider_message_id IS NOT NULL);
CREATE INDEX email_messages_review_request_idx ON private.email_messages USING btree (workspace_id, review_request_id) WHERE (review_request_id IS NOT NULL);

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON private.email_messages FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON private.email_messages FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
