create table private.visitor_identity_key (
  id boolean default true not null,
  key bytea default extensions.gen_random_bytes(32) not null,
  created_at timestamp with time zone default now() not null,
  constraint "visitor_identity_key_pkey" PRIMARY KEY (id),
  constraint "visitor_identity_key_id_check" CHECK (id),
  constraint "visitor_identity_key_key_check" CHECK ((octet_length(key) = 32))
);
comment on table private.visitor_identity_key is 'The one HMAC-SHA256 key that signs visitor identity tokens: written once here (replace the row to rotate: outstanding tokens, valid 10 minutes at most by default, stop verifying), read by private.sign_visitor_identity and private.verified_visitor_identity. Service only.';

alter table private.visitor_identity_key enable row level security;
grant insert, select, update, delete on private.visitor_identity_key to service_role;
