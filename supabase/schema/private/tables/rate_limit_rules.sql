create table private.rate_limit_rules (
  bucket text not null,
  max_hits integer not null,
  window_seconds integer not null,
  description text not null,
  constraint "rate_limit_rules_pkey" PRIMARY KEY (bucket),
  constraint "rate_limit_rules_bucket_check" CHECK ((bucket ~ '^[a-z_]{1,64}$'::text)),
  constraint "rate_limit_rules_max_hits_check" CHECK ((max_hits > 0)),
  constraint "rate_limit_rules_window_seconds_check" CHECK (((window_seconds >= 1) AND (window_seconds <= 86400)))
);
comment on table private.rate_limit_rules is 'How many calls one client address may make per fixed window, per bucket (an anon RPC) and workspace.';

alter table private.rate_limit_rules enable row level security;
grant insert, select, update, delete, truncate, references, trigger on private.rate_limit_rules to service_role;
