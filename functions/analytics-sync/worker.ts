// The analytics sync worker: one round of the shared queue loop over the connector queue
// analytics_sync. Each claimed job (a source, a connection, a window of days) is pulled page by
// page from where its progress stands; every page goes to the source's SQL apply function in its
// own transaction (which checks the lease and saves the progress with it), so a crash or a
// throttle resumes after the last page applied. A job that runs out of its time budget hands back
// `continue` with its progress; a provider failure becomes the job's and the connection's outcome
// (failureReport): throttled and token failures wait without spending an attempt, retry_later
// backs off, bad_request is dead.
import type { AuthConfig } from "../_shared/auth.ts";
import { claimJobs, failureReport, finishJob, type JobReport } from "../_shared/connector_jobs.ts";
import type { KeyRing } from "../_shared/crypto.ts";
import { asService, type Sql } from "../_shared/db.ts";
import type { Settings } from "../_shared/env.ts";
import { credentials, type Refresher } from "../_shared/providers/credentials.ts";
import type { ProviderHttp } from "../_shared/providers/http.ts";
import { acceptWorkerCall, drain, perRow, type Totals } from "../_shared/queue_worker.ts";
import { isProviderId, PROVIDERS } from "../oauth/providers/index.ts";
import { type Job, type SourceContext, SOURCES } from "./sources.ts";

export interface Deps {
  sql: Sql;
  settings: Settings;
  auth: AuthConfig;
  ring: KeyRing;
  http: ProviderHttp;
  /** Start no new round after this long. */
  budgetMs: number;
  /** One job's share of a call before it hands back `continue`. */
  jobBudgetMs: number;
}

/** How a connection's provider renews its access token (the oauth providers' refresh), if it can. */
export function refresherFor(d: Pick<Deps, "settings" | "http">, provider: string): Refresher | undefined {
  if (!isProviderId(provider)) return undefined;
  const p = PROVIDERS[provider];
  if (!p.refresh) return undefined;
  return async (rt) => {
    const t = await p.refresh!(d.settings, d.http, rt);
    return { access: t.access, refresh: t.refresh, expiresAt: t.expiresAt };
  };
}

/** Pulls one job until it is done, its budget is spent or a provider call fails. */
export async function workJob(d: Deps, c: Omit<SourceContext, "onCall">, job: Job): Promise<JobReport> {
  const source = SOURCES[job.payload.source];
  if (!source) return { outcome: "dead", error: `unknown analytics source ${job.payload.source}` };
  let calls = 0;
  let applied = 0;
  const ctx: SourceContext = { ...c, onCall: () => calls++ };
  const started = d.http.now();
  let progress = job.progress ?? {};
  try {
    for (;;) {
      const before = calls;
      const step = await source.next(ctx, job, progress);
      progress = step.progress;
      if (step.page !== null) {
        await asService(d.sql, (tx) => source.apply(tx, job, step.page, progress, calls - before));
        applied++;
      } else {
        await asService(d.sql, (tx) =>
          tx`select 1 from private.touch_connector_job(${job.job_id}, ${job.lease_id},
          ${tx.json(progress as never)})`);
      }
      const connection = calls > 0 ? { outcome: "ok" as const } : undefined;
      if (step.done) return { outcome: "done", progress, connection, providerRef: `${applied} pages` };
      if (d.http.now() - started >= d.jobBudgetMs) return { outcome: "continue", progress, connection };
    }
  } catch (e) {
    // a lease lost to another worker (the apply's PT409): nothing of the page was kept
    if ((e as { code?: string }).code === "PT409") return { outcome: "retry", error: (e as Error).message };
    return failureReport(e, d.http.now());
  }
}

/** One call of the worker: rounds until the queue is drained or the budget is spent. */
export function runRound(d: Deps, once = false): Promise<Totals> {
  const creds = credentials({
    sql: d.sql,
    ring: d.ring,
    reason: "analytics sync",
    refresher: (provider) => refresherFor(d, provider),
  });
  const service: SourceContext["service"] = (fn) => asService(d.sql, fn);
  const c = { settings: d.settings, http: d.http, creds, service };
  return drain(
    { sql: d.sql, name: "analytics-sync", roundSize: 4, budgetMs: d.budgetMs, untilEmpty: true, once, now: d.http.now },
    perRow<Job, JobReport>({
      claim: (limit) => claimJobs(d.sql, "analytics_sync", limit),
      work: (job) => workJob(d, c, job),
      finish: async (job, report) => (await finishJob(d.sql, job, report)) ?? "lost",
      concurrency: 2,
    }),
  );
}

/** POST with a secret key (pg_net, the sweeper, an operator); {"once": true} runs one round. */
export async function handleWorkerCall(req: Request, d: Deps) {
  const body = await acceptWorkerCall(req, d.auth) as { once?: unknown };
  return { status: 200, body: await runRound(d, body?.once === true) };
}
