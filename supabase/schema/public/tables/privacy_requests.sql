create table public.privacy_requests (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid,
  kind public.privacy_request_kind not null,
  source text not null,
  subject jsonb default '{}'::jsonb not null,
  status public.privacy_request_status default 'pending'::public.privacy_request_status not null,
  details jsonb default '{}'::jsonb not null,
  requested_at timestamp with time zone default now() not null,
  completed_at timestamp with time zone,
  user_id uuid,
  requested_by uuid default auth.uid(),
  subject_sha256 text,
  confirmation_required boolean default false not null,
  confirm_by timestamp with time zone,
  confirmed_at timestamp with time zone,
  started_at timestamp with time zone,
  attempts integer default 0 not null,
  error text,
  export_path text,
  export_bytes bigint,
  download_expires_at timestamp with time zone,
  export_removed_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "privacy_requests_pkey" PRIMARY KEY (id),
  constraint "privacy_requests_attempts_check" CHECK ((attempts >= 0)),
  constraint "privacy_requests_confirmation" CHECK (((NOT confirmation_required) OR (kind = 'erasure'::public.privacy_request_kind))),
  constraint "privacy_requests_error_check" CHECK ((char_length(error) <= 2000)),
  constraint "privacy_requests_export_bytes_check" CHECK ((export_bytes >= 0)),
  constraint "privacy_requests_export_path_check" CHECK ((char_length(export_path) <= 1024)),
  constraint "privacy_requests_requested_by_fkey" FOREIGN KEY (requested_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "privacy_requests_source_check" CHECK ((source = ANY (ARRAY['shopify'::text, 'user'::text, 'admin'::text]))),
  constraint "privacy_requests_subject_check" CHECK ((jsonb_typeof(subject) = 'object'::text)),
  constraint "privacy_requests_subject_scope" CHECK (((workspace_id IS NOT NULL) OR (source = 'user'::text))),
  constraint "privacy_requests_subject_sha256_check" CHECK ((subject_sha256 ~ '^[0-9a-f]{64}$'::text)),
  constraint "privacy_requests_user_id_fkey" FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "privacy_requests_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.privacy_requests is 'GDPR/CCPA requests of every subject: a shop''s customer (Shopify customers/data_request, customers/redact, shop/redact; workspace_id set) or one of our users about their own account (source user, workspace_id null). subject holds ids and hashes, never plaintext contact data. Written by RPCs, the webhook SQL and the privacy worker; users read their own, admins their workspace''s.';
comment on column public.privacy_requests.workspace_id is 'The shop''s workspace for customer requests; null for a user''s request about their own account (which spans every workspace).';
comment on column public.privacy_requests.user_id is 'The user the request is about (source user); null for shop customers and once the user is erased.';
comment on column public.privacy_requests.requested_by is 'Who asked (the user, an admin); null for Shopify and once erased.';
comment on column public.privacy_requests.subject_sha256 is 'Hex SHA-256 of the subject user''s id: identifies the subject in the trail after erasure without holding the id.';
comment on column public.privacy_requests.confirmation_required is 'Erasure waits for the user to confirm with the token returned once by request_account_erasure.';
comment on column public.privacy_requests.confirm_by is 'An unconfirmed erasure is rejected after this time.';
comment on column public.privacy_requests.attempts is 'Times a worker claimed the request; an export failing 5 times becomes failed.';
comment on column public.privacy_requests.export_path is 'Object name of the export document in the private data-exports bucket (<workspace_id>/privacy/<id>.json or account/<id>.json).';
comment on column public.privacy_requests.download_expires_at is 'The export can be downloaded until then (7 days after completion); afterwards the worker removes the object.';
comment on column public.privacy_requests.export_removed_at is 'When the worker removed the export object from storage.';

alter table public.privacy_requests enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.privacy_requests to service_role;
grant select on public.privacy_requests to authenticated;

CREATE INDEX privacy_requests_expiring_idx ON public.privacy_requests USING btree (download_expires_at) WHERE ((export_path IS NOT NULL) AND (export_removed_at IS NULL));
CREATE UNIQUE INDEX privacy_requests_one_open_per_user ON public.privacy_requests USING btree (user_id, kind) WHERE ((status = ANY (ARRAY['pending'::public.privacy_request_status, 'processing'::public.privacy_request_status])) AND (user_id IS NOT NULL));
CREATE INDEX privacy_requests_queue_idx ON public.privacy_requests USING btree (kind, requested_at) WHERE (status = ANY (ARRAY['pending'::public.privacy_request_status, 'processing'::public.privacy_request_status]));
CREATE INDEX privacy_requests_requested_by_idx ON public.privacy_requests USING btree (requested_by);
CREATE INDEX privacy_requests_user_id_idx ON public.privacy_requests USING btree (user_id);
CREATE INDEX privacy_requests_workspace_id_idx ON public.privacy_requests USING btree (workspace_id, requested_at DESC);

create policy "admins see their workspace's requests, users their own" on public.privacy_requests for select to authenticated
  using (((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))) OR (user_id = ( SELECT auth.uid() AS uid))));

CREATE TRIGGER audit AFTER INSERT OR DELETE OR UPDATE ON public.privacy_requests FOR EACH ROW EXECUTE FUNCTION private.audit_row();
CREATE TRIGGER audit_privacy_request AFTER INSERT OR UPDATE ON public.privacy_requests FOR EACH ROW EXECUTE FUNCTION private.audit_privacy_request();
CREATE TRIGGER guard_privacy_request_status BEFORE UPDATE OF status ON public.privacy_requests FOR EACH ROW EXECUTE FUNCTION private.guard_privacy_request_status();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.privacy_requests FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER privacy_request_webhook AFTER INSERT ON public.privacy_requests FOR EACH ROW EXECUTE FUNCTION private.privacy_request_webhook();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.privacy_requests FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER wake_privacy_worker AFTER INSERT ON public.privacy_requests REFERENCING NEW TABLE AS queued FOR EACH STATEMENT EXECUTE FUNCTION private.wake_privacy_worker();
