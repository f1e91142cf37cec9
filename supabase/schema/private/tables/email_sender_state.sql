create table private.email_sender_state (
  id boolean default true not null,
  throttled_until timestamp with time zone,
  last_throttle text,
  constraint "email_sender_state_pkey" PRIMARY KEY (id),
  constraint "email_sender_state_id_check" CHECK (id),
  constraint "email_sender_state_last_throttle_check" CHECK ((char_length(last_throttle) <= 2000))
);
comment on table private.email_sender_state is 'The email provider''s account-wide state (one row): after a 429 no worker claims before throttled_until. Service only.';

alter table private.email_sender_state enable row level security;
grant select on private.email_sender_state to service_role;
