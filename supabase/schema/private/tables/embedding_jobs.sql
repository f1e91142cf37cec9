create table private.embedding_jobs (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  chunk_id uuid not null,
  content_sha256 text not null,
  status private.embedding_job_status default 'queued'::private.embedding_job_status not null,
  attempts integer default 0 not null,
  max_attempts integer default 5 not null,
  visible_at timestamp with time zone default now() not null,
  lease_id uuid,
  claimed_at timestamp with time zone,
  completed_at timestamp with time zone,
  last_error text,
  created_at timestamp with time zone default now() not null,
  constraint "embedding_jobs_pkey" PRIMARY KEY (id),
  constraint "embedding_jobs_attempts_check" CHECK ((attempts >= 0)),
  constraint "embedding_jobs_chunk_id_fkey" FOREIGN KEY (chunk_id, workspace_id) REFERENCES public.knowledge_chunks(id, workspace_id) ON DELETE CASCADE,
  constraint "embedding_jobs_max_attempts_check" CHECK (((max_attempts >= 1) AND (max_attempts <= 50))),
  constraint "embedding_jobs_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table private.embedding_jobs is 'Embedding queue: one open (queued/running) job per chunk; done and dead jobs stay for a week (dead ones until retried or their chunk goes).';
comment on column private.embedding_jobs.content_sha256 is 'The chunk text this job embeds; a text change re-arms the open job with the new hash.';
comment on column private.embedding_jobs.visible_at is 'queued: not before this time (backoff); running: the lease ends, after which another worker may claim it (visibility timeout).';
comment on column private.embedding_jobs.lease_id is 'Issued at each claim; the worker''s report counts only with the current lease.';
comment on column private.embedding_jobs.last_error is 'The last failure (provider status and message, or timeout).';

alter table private.embedding_jobs enable row level security;
grant select on private.embedding_jobs to service_role;

CREATE INDEX embedding_jobs_chunk_id_workspace_id_idx ON private.embedding_jobs USING btree (chunk_id, workspace_id);
CREATE INDEX embedding_jobs_completed_idx ON private.embedding_jobs USING btree (completed_at) WHERE (status = ANY (ARRAY['done'::private.embedding_job_status, 'dead'::private.embedding_job_status]));
CREATE INDEX embedding_jobs_due_idx ON private.embedding_jobs USING btree (visible_at, id) WHERE (status = ANY (ARRAY['queued'::private.embedding_job_status, 'running'::private.embedding_job_status]));
CREATE UNIQUE INDEX embedding_jobs_one_open_per_chunk ON private.embedding_jobs USING btree (chunk_id) WHERE (status = ANY (ARRAY['queued'::private.embedding_job_status, 'running'::private.embedding_job_status]));
CREATE INDEX embedding_jobs_workspace_id_idx ON private.embedding_jobs USING btree (workspace_id);

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON private.embedding_jobs FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
