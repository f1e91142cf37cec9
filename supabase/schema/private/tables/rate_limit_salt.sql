create table private.rate_limit_salt (
  id boolean default true not null,
  salt bytea default extensions.gen_random_bytes(32) not null,
  constraint "rate_limit_salt_pkey" PRIMARY KEY (id),
  constraint "rate_limit_salt_id_check" CHECK (id)
);
comment on table private.rate_limit_salt is 'One random salt, so the stored address hashes cannot be reversed by hashing every IPv4 address.';

alter table private.rate_limit_salt enable row level security;
