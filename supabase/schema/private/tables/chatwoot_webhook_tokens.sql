create table private.chatwoot_webhook_tokens (
  workspace_id uuid not null,
  token_hash bytea not null,
  created_at timestamp with time zone default now() not null,
  constraint "chatwoot_webhook_tokens_pkey" PRIMARY KEY (workspace_id),
  constraint "chatwoot_webhook_tokens_token_hash_check" CHECK ((octet_length(token_hash) = 32)),
  constraint "chatwoot_webhook_tokens_token_hash_key" UNIQUE (token_hash),
  constraint "chatwoot_webhook_tokens_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table private.chatwoot_webhook_tokens is 'SHA-256 of each workspace''s Chatwoot webhook token (the secret in the webhook URL it gave Chatwoot). Service only.';

alter table private.chatwoot_webhook_tokens enable row level security;
