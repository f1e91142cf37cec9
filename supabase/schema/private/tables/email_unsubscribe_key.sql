create table private.email_unsubscribe_key (
  id boolean default true not null,
  key bytea default extensions.gen_random_bytes(32) not null,
  constraint "email_unsubscribe_key_pkey" PRIMARY KEY (id),
  constraint "email_unsubscribe_key_id_check" CHECK (id)
);
comment on table private.email_unsubscribe_key is 'The HMAC key that signs unsubscribe links (one row). Service only.';

alter table private.email_unsubscribe_key enable row level security;
