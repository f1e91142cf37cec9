create table private.privacy_request_tokens (
  request_id uuid not null,
  token_hash bytea not null,
  created_at timestamp with time zone default now() not null,
  constraint "privacy_request_tokens_pkey" PRIMARY KEY (request_id),
  constraint "privacy_request_tokens_request_id_fkey" FOREIGN KEY (request_id) REFERENCES public.privacy_requests(id) ON DELETE CASCADE
);
comment on table private.privacy_request_tokens is 'SHA-256 of the one-time token that confirms an erasure request. Service only.';

alter table private.privacy_request_tokens enable row level security;
grant insert, select, update, delete, truncate, references, trigger on private.privacy_request_tokens to service_role;
