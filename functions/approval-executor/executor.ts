// The approval executor: ONE worker for every approved action. Jobs come from the connector
// queue approval_actions (one per approval, key approval:<id>, queued when it was approved), on
// the connection the action goes through, so a throttled or disconnected connection waits
// without holding up the others. For each claimed job:
//   1. private.begin_approval_execution re-checks the approval (approved, not expired, approver
//      still a member, payload valid, guardrails) and moves it to executing with what it acts
//      on, or fails it with the reason (nothing is called);
//   2. the handler of its kind (handlers/index.ts) reconciles when an earlier attempt may have
//      reached the provider, else calls it with the idempotency key;
//   3. private.complete_approval_execution records executed (the provider's ids, what it
//      replaced, our tables changed) or failed (the error) in the transaction that finishes the
//      job and records the connection's health.
// A provider that is throttled, unreachable or refusing the token leaves the approval executing
// and the job queued (the next attempt reconciles first); a permanent refusal fails it; attempts
// spent make the job dead, which fails the approval. Body (optional): { limit?: 1-50, once? }.
import { z } from "zod";
import type { AuthConfig } from "../_shared/auth.ts";
import {
  type ClaimedJob,
  claimJobs,
  failureReport,
  finishJob,
  type JobReport,
  touchJob,
} from "../_shared/connector_jobs.ts";
import { asService, type Sql } from "../_shared/db.ts";
import type { Settings } from "../_shared/env.ts";
import type { Reply } from "../_shared/http.ts";
import type { Credentials } from "../_shared/providers/credentials.ts";
import { ProviderError, type ProviderHttp } from "../_shared/providers/http.ts";
import { acceptWorkerCall, drain, perRow } from "../_shared/queue_worker.ts";
import type { ActionKind } from "../_shared/actions/payloads.ts";
import { HANDLER_BY_KIND } from "./handlers/index.ts";
import type { Execution, HandlerDeps } from "./handlers/types.ts";

export interface Deps {
  sql: Sql;
  auth: AuthConfig;
  settings: Settings;
  http: ProviderHttp;
  creds: () => Promise<Credentials>;
  now: () => number;
  budgetMs: number;
}

const Body = z.object({
  limit: z.number().int().min(1).max(50).default(10),
  once: z.boolean().default(false),
});

type Job = ClaimedJob<{ approval_id: string; action: ActionKind }, Record<string, unknown>>;

interface Outcome {
  report: JobReport;
  /** The action happens whole in the recording transaction (a refusal there is final). */
  database?: boolean;
  /** What to record on the approval in the finishing transaction; none when begin already settled it. */
  complete?: { succeeded: boolean; result?: Record<string, unknown>; error?: string };
}

interface Begun {
  refused?: string;
  approval?: { id: string; workspace_id: string; action: ActionKind; payload: Record<string, unknown> };
  prepared?: Record<string, unknown>;
  /** The job's progress as begin left it (what it prepared included): later saves build on it. */
  progress?: Record<string, unknown>;
  reconcile?: boolean;
}

export async function executeJob(job: Job, d: Deps): Promise<Outcome> {
  let begun: Begun;
  try {
    const [row] = await asService(
      d.sql,
      (tx) => tx`select private.begin_approval_execution(${job.job_id}, ${job.lease_id}) as b`,
    );
    begun = row.b as Begun;
  } catch (e) {
    return { report: failureReport(e, d.now()) };
  }
  if (begun.refused || !begun.approval) return { report: { outcome: "done", error: begun.refused } };

  const a = begun.approval;
  const handler = HANDLER_BY_KIND.get(a.action);
  if (!handler) {
    const error = `no executor handles ${a.action}`;
    return { report: { outcome: "dead", error }, complete: { succeeded: false, error } };
  }
  const parsed = handler.schema?.(a.action)?.safeParse(a.payload);
  if (parsed && !parsed.success) {
    const error = `the payload is not valid for ${a.action}: ${
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")
    }`;
    return { report: { outcome: "dead", error }, complete: { succeeded: false, error } };
  }
  const progress = { ...(begun.progress ?? job.progress ?? {}) } as Record<string, unknown>;
  const e: Execution = {
    approvalId: a.id,
    workspaceId: a.workspace_id,
    action: a.action,
    payload: a.payload,
    prepared: (begun.prepared ?? {}) as Record<string, unknown>,
    key: job.idempotency_key,
    reconcile: begun.reconcile === true,
    progress,
    beganAt: new Date(typeof progress.began_at === "string" ? progress.began_at : d.now()),
  };
  if (handler.provider === "database") {
    return { report: { outcome: "done" }, complete: { succeeded: true, result: {} }, database: true };
  }

  const hd: HandlerDeps = {
    sql: d.sql,
    settings: d.settings,
    http: d.http,
    creds: await d.creds(),
    now: d.now,
    saveProgress: async (p) => {
      Object.assign(progress, p);
      await asService(d.sql, (tx) => touchJob(tx, job, progress));
    },
  };
  try {
    const result = (e.reconcile && handler.reconcile ? await handler.reconcile(e, hd) : null) ??
      await handler.call!(e, hd);
    const ref = ["gift_card_id", "discount_id", "message_id", "ts", "product_id"].map((k) => result[k]).find((v) =>
      v !== undefined
    );
    return {
      report: {
        outcome: "done",
        connection: { outcome: "ok" },
        providerRef: ref === undefined ? undefined : String(ref),
      },
      complete: { succeeded: true, result },
    };
  } catch (err) {
    const report = failureReport(err, d.now());
    if (!(err instanceof ProviderError)) report.error = `${a.action}: ${report.error}`;
    return report.outcome === "dead" ? { report, complete: { succeeded: false, error: report.error } } : { report };
  }
}

/** Finishes the job and records the approval's outcome in one transaction. */
async function finish(d: Deps, job: Job, o: Outcome): Promise<string> {
  const complete = o.complete;
  try {
    const status = await finishJob(
      d.sql,
      job,
      o.report,
      complete
        ? (tx) =>
          tx`select private.complete_approval_execution(${job.job_id}, ${job.lease_id}, ${complete.succeeded},
             ${tx.json((complete.result ?? {}) as never)}, ${complete.error ?? null})`
        : undefined,
    );
    return complete ? (complete.succeeded ? "executed" : "failed") : (status ?? "lease_lost");
  } catch (e) {
    const error = `recording the outcome failed: ${(e as Error)?.message ?? e}`.slice(0, 2000);
    // An action on our own tables that a constraint or a check of ours refuses will be refused
    // again: it fails now, with the reason.
    const code = String((e as { code?: string })?.code ?? "");
    if (o.database && /^(22|23|P0|PT4)/.test(code)) {
      const failed: Outcome = { report: { outcome: "dead", error }, complete: { succeeded: false, error } };
      return await finish(d, job, failed);
    }
    // Otherwise (the lease was lost, the database went away, our copy of a provider's change was
    // refused) the job retries, and its next attempt reconciles with the provider first.
    const status = await finishJob(d.sql, job, {
      outcome: "retry",
      error,
    });
    return status ?? "lease_lost";
  }
}

export async function runExecutor(req: Request, d: Deps): Promise<Reply> {
  const b = Body.parse(await acceptWorkerCall(req, d.auth));
  const totals = await drain(
    {
      sql: d.sql,
      name: "approval-executor",
      roundSize: b.limit,
      budgetMs: d.budgetMs,
      once: b.once,
      untilEmpty: true,
      now: d.now,
    },
    perRow<Job, Outcome>({
      claim: (limit) => claimJobs(d.sql, "approval_actions", limit),
      work: (job) => executeJob(job, d),
      finish: (job, o) => finish(d, job, o),
      concurrency: 4,
    }),
  );
  return { status: 200, body: totals };
}
