create table private.gift_card_codes (
  transaction_id uuid not null,
  workspace_id uuid not null,
  code_ciphertext text not null,
  key_id text not null,
  last_characters text not null,
  call_started_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "gift_card_codes_pkey" PRIMARY KEY (transaction_id),
  constraint "gift_card_codes_code_ciphertext_check" CHECK ((code_ciphertext ~ '^v1\.[a-z0-9_-]{1,32}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'::text)),
  constraint "gift_card_codes_last_characters_check" CHECK ((last_characters ~ '^[A-Za-z0-9]{4}$'::text)),
  constraint "gift_card_codes_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "gift_card_codes_workspace_id_transaction_id_fkey" FOREIGN KEY (workspace_id, transaction_id) REFERENCES public.gift_card_transactions(workspace_id, id) ON DELETE CASCADE
);
comment on table private.gift_card_codes is 'The intent to issue a gift card, recorded before giftCardCreate: the code we give it (AES-256-GCM ciphertext, like OAuth tokens) and its last four characters, and call_started_at once a call may have reached Shopify (a retry then reconciles before calling). Dropped once the card''s email is sent. Service only; reads through private.read_gift_card_code (audited).';
comment on column private.gift_card_codes.call_started_at is 'Set in its own commit just before giftCardCreate: from then on a retry asks Shopify whether the card exists before creating it.';

alter table private.gift_card_codes enable row level security;
grant select on private.gift_card_codes to service_role;

CREATE INDEX gift_card_codes_workspace_idx ON private.gift_card_codes USING btree (workspace_id, transaction_id);

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON private.gift_card_codes FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON private.gift_card_codes FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
