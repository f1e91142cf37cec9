create table private.user_secret_values (
  secret_id uuid not null,
  ciphertext text not null,
  key_id text not null,
  updated_at timestamp with time zone default now() not null,
  constraint "user_secret_values_pkey" PRIMARY KEY (secret_id),
  constraint "user_secret_values_ciphertext_check" CHECK ((ciphertext ~ '^v1\.[a-z0-9_-]{1,32}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'::text)),
  constraint "user_secret_values_secret_id_fkey" FOREIGN KEY (secret_id) REFERENCES public.user_secrets(id) ON DELETE CASCADE
);
comment on table private.user_secret_values is 'AES-256-GCM ciphertext of each user secret ("v1.<key id>.<iv>.<data>"). Service only; reads go through private.read_user_secret (audited).';

alter table private.user_secret_values enable row level security;
grant insert, select, update, delete, truncate, references, trigger on private.user_secret_values to service_role;

CREATE TRIGGER audit_user_secret_rotate AFTER UPDATE OF ciphertext ON private.user_secret_values FOR EACH ROW WHEN ((old.ciphertext IS DISTINCT FROM new.ciphertext)) EXECUTE FUNCTION private.audit_user_secret_rotation();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON private.user_secret_values FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
