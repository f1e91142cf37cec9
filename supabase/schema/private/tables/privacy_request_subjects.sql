create table private.privacy_request_subjects (
  request_id uuid not null,
  subject jsonb not null,
  created_at timestamp with time zone default now() not null,
  constraint "privacy_request_subjects_pkey" PRIMARY KEY (request_id),
  constraint "privacy_request_subjects_request_id_fkey" FOREIGN KEY (request_id) REFERENCES public.privacy_requests(id) ON DELETE CASCADE,
  constraint "privacy_request_subjects_subject_check" CHECK ((jsonb_typeof(subject) = 'object'::text))
);
comment on table private.privacy_request_subjects is 'The identifiers in clear (emails, phones, names) of a pending customer erasure an admin recorded: written by request_customer_erasure, read and deleted by the privacy-erasures job when it runs the request (privacy_requests.subject keeps hashes only). Service only.';

alter table private.privacy_request_subjects enable row level security;
grant insert, select, update, delete, truncate, references, trigger on private.privacy_request_subjects to service_role;
