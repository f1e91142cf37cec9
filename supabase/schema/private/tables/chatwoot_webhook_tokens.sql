create table private.chatwoot_webhook_tokens (
  workspace_id uuid not null,
  token_hash bytea not null,
  created_at timestamp with time zone default now() not null,
  constraint "chatwoot_webhook_tokens_pkey" PRIMARY KEY (workspace_id),
  constraint "chatwoot_webhook_tokens_token_hash_check" CHECK ((octet_length(token_hash) = 32)),
  constraint "chatwoot_webhook_tokens_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table private.chatwoot_webhook_tokens is 'SHA-256 of each workspace''s Chatwoot webhook token (the secret in the webhook URL it gave Chatwoot). Service only.';

alter table private.chatwoot_webhook_tokens enable row level security;

CREATE INDEX chatwoot_webhook_tokens_hash_idx ON private.chatwoot_webhook_tokens USING btree (token_hash);

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON private.chatwoot_webhook_tokens FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
