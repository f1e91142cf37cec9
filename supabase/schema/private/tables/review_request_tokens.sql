create table private.review_request_tokens (
  request_id uuid not null,
  token_hash bytea not null,
  expires_at timestamp with time zone not null,
  created_at timestamp with time zone default now() not null,
  constraint "review_request_tokens_pkey" PRIMARY KEY (request_id),
  constraint "review_request_tokens_request_id_fkey" FOREIGN KEY (request_id) REFERENCES public.review_requests(id) ON DELETE CASCADE,
  constraint "review_request_tokens_token_hash_check" CHECK ((octet_length(token_hash) = 32)),
  constraint "review_request_tokens_token_hash_key" UNIQUE (token_hash)
);
comment on table private.review_request_tokens is 'SHA-256 of each review request''s current verification token and its expiry. Deleted when the request completes or is cancelled (a used-up token verifies nothing), and 30 days after it expired. Service only.';

alter table private.review_request_tokens enable row level security;
grant insert, select, update, delete, truncate, references, trigger on private.review_request_tokens to service_role;
