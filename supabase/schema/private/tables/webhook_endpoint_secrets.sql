create table private.webhook_endpoint_secrets (
  endpoint_id uuid not null,
  secret text not null,
  created_at timestamp with time zone default now() not null,
  constraint "webhook_endpoint_secrets_pkey" PRIMARY KEY (endpoint_id),
  constraint "webhook_endpoint_secrets_endpoint_id_fkey" FOREIGN KEY (endpoint_id) REFERENCES public.webhook_endpoints(id) ON DELETE CASCADE,
  constraint "webhook_endpoint_secrets_secret_check" CHECK ((secret ~ '^whsec_[A-Za-z0-9+/=]{40,}$'::text))
);
comment on table private.webhook_endpoint_secrets is 'Standard Webhooks signing secrets (whsec_<base64 of 32 bytes>). Service only.';

alter table private.webhook_endpoint_secrets enable row level security;
grant insert, select, update, delete, truncate, references, trigger on private.webhook_endpoint_secrets to service_role;
