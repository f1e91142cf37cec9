create table private.integration_tokens (
  connection_id uuid not null,
  access_token_ciphertext text not null,
  refresh_token_ciphertext text,
  key_id text not null,
  updated_at timestamp with time zone default now() not null,
  constraint "integration_tokens_pkey" PRIMARY KEY (connection_id),
  constraint "integration_tokens_access_token_ciphertext_check" CHECK ((access_token_ciphertext ~ '^v1\.[a-z0-9_-]{1,32}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'::text)),
  constraint "integration_tokens_connection_id_fkey" FOREIGN KEY (connection_id) REFERENCES public.integration_connections(id) ON DELETE CASCADE,
  constraint "integration_tokens_refresh_token_ciphertext_check" CHECK ((refresh_token_ciphertext ~ '^v1\.[a-z0-9_-]{1,32}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'::text))
);
comment on table private.integration_tokens is 'AES-256-GCM ciphertext of each connection''s tokens ("v1.<key id>.<iv>.<data>"), encrypted by the edge functions. No API role can read it.';

alter table private.integration_tokens enable row level security;
grant insert, select, update, delete, truncate, references, trigger on private.integration_tokens to service_role;

CREATE TRIGGER audit AFTER INSERT OR DELETE OR UPDATE ON private.integration_tokens FOR EACH ROW EXECUTE FUNCTION private.audit_integration_token();
CREATE TRIGGER connection_credentials_changed AFTER INSERT OR UPDATE OF access_token_ciphertext ON private.integration_tokens FOR EACH ROW EXECUTE FUNCTION private.connection_credentials_changed();
CREATE TRIGGER resume_jobs_on_new_credentials AFTER INSERT OR UPDATE OF access_token_ciphertext ON private.integration_tokens FOR EACH ROW EXECUTE FUNCTION private.resume_jobs_on_new_credentials();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON private.integration_tokens FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
