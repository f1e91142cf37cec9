// The worker's side of the connector queue (private.connector_jobs): claim leased jobs of one
// queue, and report each job once: the provider call's outcome for its connection
// (private.record_connection_call: health, throttling, alerts) and the job's own outcome
// (private.finish_connector_job: done, more to do, a wait, a retry with backoff, a dead letter),
// in one transaction. A connector's worker is drain + perRow (queue_worker.ts) around these.
import { asService, type Sql, type Tx } from "./db.ts";
import { perRow } from "./queue_worker.ts";
import { type FailureKind, ProviderError } from "./providers/http.ts";

export interface ClaimedJob<P = Record<string, unknown>, G = Record<string, unknown>> {
  job_id: string;
  lease_id: string;
  workspace_id: string;
  connection_id: string | null;
  provider: string | null;
  external_account_id: string | null;
  idempotency_key: string;
  /** What to do, as enqueued. */
  payload: P;
  /** Where the work stands, as last saved (touchJob / finishJob). */
  progress: G;
  attempts: number;
  max_attempts: number;
}

export type JobOutcome = "done" | "continue" | "wait" | "retry" | "throttled" | "dead";

export interface JobReport {
  outcome: JobOutcome;
  error?: string;
  /** continue/wait/throttled: when the job is due again; retry: not before (the backoff may be later). */
  nextAttemptAt?: Date;
  progress?: unknown;
  providerRef?: string;
  /** What the provider calls said about the connection; omitted when no call was made. */
  connection?: { outcome: "ok" | FailureKind; error?: string; throttledUntil?: Date };
}

/** Leases up to `limit` due jobs of the queue (private.claim_connector_jobs). */
export function claimJobs<P, G>(sql: Sql, queue: string, limit: number): Promise<ClaimedJob<P, G>[]> {
  return asService(
    sql,
    (tx) => tx`select * from private.claim_connector_jobs(${queue}, ${limit})`,
  ) as unknown as Promise<
    ClaimedJob<P, G>[]
  >;
}

/** Saves progress and extends the lease inside `tx`; the statement fails (PT409) when the lease is lost. */
export function touchJob(tx: Tx, job: ClaimedJob<unknown, unknown>, progress: unknown) {
  return tx`select 1 from private.touch_connector_job(${job.job_id}, ${job.lease_id}, ${tx.json(progress as never)})`;
}

/**
 * What a failure means for the job and the connection: throttled waits (the attempt not counted)
 * until the provider's time; token_invalid waits for re-authorisation (claims skip the connection
 * meanwhile); retry_later retries with backoff; bad_request is a dead letter. Anything that is not
 * a ProviderError (a bug, the database) is a retry.
 */
export function failureReport(e: unknown, now: number): JobReport {
  if (!(e instanceof ProviderError)) {
    return { outcome: "retry", error: String((e as Error)?.message ?? e).slice(0, 2000) };
  }
  const connection = { outcome: e.kind, error: e.message, throttledUntil: e.details.retryAt };
  switch (e.kind) {
    case "throttled":
      return { outcome: "throttled", error: e.message, nextAttemptAt: e.details.retryAt, connection };
    case "token_invalid":
      return { outcome: "throttled", error: e.message, nextAttemptAt: new Date(now + 60_000), connection };
    case "retry_later":
      return { outcome: "retry", error: e.message, nextAttemptAt: e.details.retryAt, connection };
    case "bad_request":
      return { outcome: "dead", error: e.message, connection };
  }
}

/** Records the connection's call outcome (if any) and the job's, in one transaction; the job's new status, null when the lease was lost. */
export async function finishJob(
  sql: Sql,
  job: ClaimedJob<unknown, unknown>,
  r: JobReport,
  /** The connector's own bookkeeping, in the same transaction, before the job is finished. */
  before?: (tx: Tx) => Promise<unknown>,
): Promise<string | null> {
  return await asService(sql, async (tx) => {
    if (before) await before(tx);
    if (r.connection && job.connection_id) {
      await tx`select private.record_connection_call(${job.connection_id}, ${r.connection.outcome},
        ${r.connection.error ?? null}, ${r.connection.throttledUntil ?? null})`;
    }
    const [row] = await tx`select private.finish_connector_job(${job.job_id}, ${job.lease_id}, ${r.outcome},
      ${r.error ?? null}, ${r.nextAttemptAt ?? null},
      ${r.progress === undefined ? null : tx.json(r.progress as never)}, ${r.providerRef ?? null}) as status`;
    return (row.status as string | null) ?? null;
  });
}

/**
 * The round most connectors run: claim jobs of the queue, run one turn per job (a provider
 * failure it throws becomes failureReport), and finish each job with its report; the outcome
 * counted is the job's new status (done, queued, dead) or "lost" when the lease was lost.
 */
export function jobRound<P, G>(
  sql: Sql,
  queue: string,
  turn: (job: ClaimedJob<P, G>) => Promise<JobReport>,
  opts: { now?: () => number; concurrency?: number } = {},
) {
  const now = opts.now ?? Date.now;
  return perRow<ClaimedJob<P, G>, JobReport>({
    claim: (limit) => claimJobs<P, G>(sql, queue, limit),
    work: async (job) => {
      try {
        return await turn(job);
      } catch (e) {
        return failureReport(e, now());
      }
    },
    finish: async (job, r) => (await finishJob(sql, job as ClaimedJob<unknown, unknown>, r)) ?? "lost",
    concurrency: opts.concurrency,
  });
}
