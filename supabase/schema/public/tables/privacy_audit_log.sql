create table public.privacy_audit_log (
  id bigint generated always as identity not null,
  user_id uuid,
  subject_sha256 text,
  workspace_id uuid,
  request_id uuid,
  event public.privacy_event not null,
  details jsonb default '{}'::jsonb not null,
  ip_address inet,
  user_agent text,
  created_at timestamp with time zone default now() not null,
  constraint "privacy_audit_log_pkey" PRIMARY KEY (id),
  constraint "privacy_audit_log_details_check" CHECK ((jsonb_typeof(details) = 'object'::text)),
  constraint "privacy_audit_log_request_id_fkey" FOREIGN KEY (request_id) REFERENCES public.privacy_requests(id) ON DELETE SET NULL,
  constraint "privacy_audit_log_subject_sha256_check" CHECK ((subject_sha256 ~ '^[0-9a-f]{64}$'::text)),
  constraint "privacy_audit_log_user_agent_check" CHECK ((char_length(user_agent) <= 500)),
  constraint "privacy_audit_log_user_id_fkey" FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "privacy_audit_log_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.privacy_audit_log is 'Append-only privacy trail: consent changes, requests and their outcomes, with the IP and user agent of the request that caused them. Written by triggers only. A user reads their own events; admins the events of their workspace''s customer requests. Kept after erasure under subject_sha256, with IP and user agent removed.';
comment on column public.privacy_audit_log.subject_sha256 is 'Hex SHA-256 of the user id (or the customer''s email hash for shop customers); survives erasure.';
comment on column public.privacy_audit_log.ip_address is 'Client IP (X-Forwarded-For) of the request; nulled when the user is erased or their retention window passes.';

alter table public.privacy_audit_log enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.privacy_audit_log to service_role;
grant select on public.privacy_audit_log to authenticated;

CREATE INDEX privacy_audit_log_request_id_idx ON public.privacy_audit_log USING btree (request_id);
CREATE INDEX privacy_audit_log_subject_idx ON public.privacy_audit_log USING btree (subject_sha256);
CREATE INDEX privacy_audit_log_user_id_idx ON public.privacy_audit_log USING btree (user_id, created_at DESC);
CREATE INDEX privacy_audit_log_workspace_id_idx ON public.privacy_audit_log USING btree (workspace_id, created_at DESC);

create policy "users read their privacy trail, admins their workspace's" on public.privacy_audit_log for select to authenticated
  using (((user_id = ( SELECT auth.uid() AS uid)) OR (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids)))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.privacy_audit_log FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
