create table private.gift_card_recipients (
  email_id uuid not null,
  to_email text not null,
  constraint "gift_card_recipients_pkey" PRIMARY KEY (email_id),
  constraint "gift_card_recipients_email_id_fkey" FOREIGN KEY (email_id) REFERENCES public.gift_card_emails(id) ON DELETE CASCADE,
  constraint "gift_card_recipients_to_email_check" CHECK ((to_email ~ '^[^@\s]+@[^@\s]+$'::text))
);
comment on table private.gift_card_recipients is 'Where each gift card email goes (plaintext: delivery needs it). Service only; GDPR redaction deletes the row.';

alter table private.gift_card_recipients enable row level security;
grant insert, select, update, delete, truncate, references, trigger on private.gift_card_recipients to service_role;
