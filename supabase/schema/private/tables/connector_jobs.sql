create table private.connector_jobs (
  id bigint generated always as identity not null,
  queue text not null,
  workspace_id uuid not null,
  connection_id uuid,
  idempotency_key text not null,
  status private.connector_job_status default 'queued'::private.connector_job_status not null,
  priority smallint default 100 not null,
  attempts integer default 0 not null,
  max_attempts integer not null,
  next_attempt_at timestamp with time zone default now() not null,
  lease_id uuid,
  lease_expires_at timestamp with time zone,
  payload jsonb default '{}'::jsonb not null,
  progress jsonb default '{}'::jsonb not null,
  provider_ref text,
  last_outcome private.connector_job_outcome,
  last_error text,
  finished_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "connector_jobs_pkey" PRIMARY KEY (id),
  constraint "connector_jobs_attempts_check" CHECK ((attempts >= 0)),
  constraint "connector_jobs_check" CHECK (((status = 'running'::private.connector_job_status) = ((lease_id IS NOT NULL) AND (lease_expires_at IS NOT NULL)))),
  constraint "connector_jobs_idempotency_key_check" CHECK (((char_length(idempotency_key) >= 1) AND (char_length(idempotency_key) <= 300))),
  constraint "connector_jobs_last_error_check" CHECK ((char_length(last_error) <= 2000)),
  constraint "connector_jobs_max_attempts_check" CHECK (((max_attempts >= 1) AND (max_attempts <= 100))),
  constraint "connector_jobs_payload_check" CHECK ((jsonb_typeof(payload) = 'object'::text)),
  constraint "connector_jobs_progress_check" CHECK ((jsonb_typeof(progress) = 'object'::text)),
  constraint "connector_jobs_provider_ref_check" CHECK ((char_length(provider_ref) <= 300)),
  constraint "connector_jobs_queue_fkey" FOREIGN KEY (queue) REFERENCES private.connector_queues(queue) ON DELETE CASCADE,
  constraint "connector_jobs_workspace_id_connection_id_fkey" FOREIGN KEY (workspace_id, connection_id) REFERENCES public.integration_connections(workspace_id, id) ON DELETE CASCADE,
  constraint "connector_jobs_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "connector_jobs_workspace_id_queue_idempotency_key_key" UNIQUE (workspace_id, queue, idempotency_key)
);
comment on table private.connector_jobs is 'Work for connectors, one row per unit (a sync window, a conversion to send ...), in the queue its connector registered. Service only; each connector shows its own public view of progress (ad_sync_runs, pixel_events statuses ...).';
comment on column private.connector_jobs.idempotency_key is 'Unique within the workspace''s queue and recorded before any provider call: the same work queued twice is one job; a side effect''s key is what the provider deduplicates on where it can.';
comment on column private.connector_jobs.priority is 'Lower runs first among due jobs (e.g. recent sync windows before backfill chunks).';
comment on column private.connector_jobs.attempts is 'Claims that counted: throttled and waiting turns and progress give theirs back.';
comment on column private.connector_jobs.next_attempt_at is 'A queued job is not claimed before this time (backoff, throttling, a report the provider is still building).';
comment on column private.connector_jobs.lease_expires_at is 'While running: when the claim lapses and another worker may take the job (the worker extends it as it saves progress).';
comment on column private.connector_jobs.payload is 'What to do, set at enqueue; never changed by the worker.';
comment on column private.connector_jobs.progress is 'Where the work stands (a page cursor, a report run id), saved by the worker as it goes so a retry resumes there.';
comment on column private.connector_jobs.provider_ref is 'The provider''s id for what the job did, once it answered (a request id, events received ...).';
comment on column private.connector_jobs.last_outcome is 'How the worker''s last turn on the job ended (a connector''s public view of its work reads it: retrying, waiting ...).';

alter table private.connector_jobs enable row level security;
grant select on private.connector_jobs to service_role;

CREATE INDEX connector_jobs_connection_id_idx ON private.connector_jobs USING btree (connection_id, queue, status);
CREATE INDEX connector_jobs_due_idx ON private.connector_jobs USING btree (queue, next_attempt_at) WHERE (status = 'queued'::private.connector_job_status);
CREATE INDEX connector_jobs_finished_idx ON private.connector_jobs USING btree (queue, finished_at) WHERE (status = ANY (ARRAY['done'::private.connector_job_status, 'dead'::private.connector_job_status]));
CREATE INDEX connector_jobs_leased_idx ON private.connector_jobs USING btree (queue, lease_expires_at) WHERE (status = 'running'::private.connector_job_status);
CREATE INDEX connector_jobs_workspace_connection_idx ON private.connector_jobs USING btree (workspace_id, connection_id);

CREATE TRIGGER fail_approval_of_dead_job AFTER UPDATE OF status ON private.connector_jobs FOR EACH ROW WHEN (((new.queue = 'approval_actions'::text) AND (new.status = 'dead'::private.connector_job_status) AND (old.status <> 'dead'::private.connector_job_status))) EXECUTE FUNCTION private.fail_approval_of_dead_job();
CREATE TRIGGER fail_dead_ai_video_step AFTER UPDATE OF status ON private.connector_jobs FOR EACH ROW WHEN (((new.status = 'dead'::private.connector_job_status) AND (old.status <> 'dead'::private.connector_job_status) AND (new.queue = 'ai_video'::text))) EXECUTE FUNCTION private.fail_dead_ai_video_step();
CREATE TRIGGER gift_card_follows_job AFTER UPDATE OF status, last_error ON private.connector_jobs FOR EACH ROW WHEN ((new.queue = 'shopify_gift_cards'::text)) EXECUTE FUNCTION private.gift_card_follows_job();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON private.connector_jobs FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER mirror_ad_sync_run AFTER UPDATE OF status, next_attempt_at, last_error ON private.connector_jobs FOR EACH ROW WHEN ((new.queue = 'ads_sync'::text)) EXECUTE FUNCTION private.mirror_ad_sync_run();
CREATE TRIGGER mirror_analytics_sync_run AFTER UPDATE OF status, next_attempt_at, last_error ON private.connector_jobs FOR EACH ROW WHEN ((new.queue = 'analytics_sync'::text)) EXECUTE FUNCTION private.mirror_analytics_sync_run();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON private.connector_jobs FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER shopify_run_follows_job AFTER UPDATE OF status ON private.connector_jobs FOR EACH ROW WHEN (((new.queue = 'shopify_sync'::text) AND (new.status IS DISTINCT FROM old.status))) EXECUTE FUNCTION private.shopify_run_follows_job();
