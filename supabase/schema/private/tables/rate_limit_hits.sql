create table private.rate_limit_hits (
  bucket text not null,
  key_hash bytea not null,
  window_start timestamp with time zone not null,
  hits integer not null,
  constraint "rate_limit_hits_pkey" PRIMARY KEY (bucket, key_hash, window_start),
  constraint "rate_limit_hits_bucket_fkey" FOREIGN KEY (bucket) REFERENCES private.rate_limit_rules(bucket) ON DELETE CASCADE,
  constraint "rate_limit_hits_hits_check" CHECK ((hits > 0)),
  constraint "rate_limit_hits_key_hash_check" CHECK ((octet_length(key_hash) = 32))
);
comment on table private.rate_limit_hits is 'Calls per bucket, salted SHA-256 of (scope, client address) and window. Purged hourly after a day.';

alter table private.rate_limit_hits enable row level security;
grant insert, select, update, delete, truncate, references, trigger on private.rate_limit_hits to service_role;

CREATE INDEX rate_limit_hits_window_start_idx ON private.rate_limit_hits USING btree (window_start);
