create table private.query_embedding_cache (
  embedding_model public.embedding_model not null,
  text_sha256 text not null,
  embedding extensions.vector(1536) not null,
  created_at timestamp with time zone default now() not null,
  used_at timestamp with time zone default now() not null,
  constraint "query_embedding_cache_pkey" PRIMARY KEY (embedding_model, text_sha256),
  constraint "query_embedding_cache_text_sha256_check" CHECK ((text_sha256 ~ '^[0-9a-f]{64}$'::text))
);
comment on table private.query_embedding_cache is 'Embeddings of search queries by (model, SHA-256 of the text), so a repeated query costs no API call; unused entries go after 30 days.';

alter table private.query_embedding_cache enable row level security;
