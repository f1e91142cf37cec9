// The ads sync worker, woken by the database (new windows at commit, the minute sweeper for
// retries) or called with the secret key: claims sync windows from the `ads_sync` queue (one per
// ad account at a time), and for each runs its steps against the platform, resuming where the
// job's progress says: the account (currency, time zone), the structure for recent windows
// (campaigns, ad groups, ads), then the window's daily rows. Every page goes to SQL at once
// (private.apply_ad_sync_page, one transaction, under the lease, saving the cursor after it), so
// a crash resumes at the next page and nothing is half-written. Throttling and token failures
// wait without spending an attempt; the connection's health follows every outcome.
// Body (optional): { limit?: 1-50, once?: boolean }.
import { z } from "zod";
import { type ClaimedJob, claimJobs, failureReport, finishJob, type JobReport } from "../_shared/connector_jobs.ts";
import { asService } from "../_shared/db.ts";
import type { ConnectorDeps } from "../_shared/connector_deps.ts";
import type { Reply } from "../_shared/http.ts";
import type { AdsPage, AdsSource, Step, SyncContext } from "../_shared/providers/ads.ts";
import { authorizedClient, type Credentials, credentials } from "../_shared/providers/credentials.ts";
import { googleAdsClient, googleAdsSource } from "../_shared/providers/google_ads.ts";
import type { Client } from "../_shared/providers/http.ts";
import { ProviderError } from "../_shared/providers/http.ts";
import { metaClient, metaSource } from "../_shared/providers/meta.ts";
import { tiktokClient, tiktokSource } from "../_shared/providers/tiktok.ts";
import { acceptWorkerCall, drain, perRow } from "../_shared/queue_worker.ts";
import { googleAds } from "../oauth/providers/google_ads.ts";

export type Deps = ConnectorDeps;

interface Payload {
  kind: "recent" | "restatement" | "backfill";
  from: string;
  to: string;
  platform: "meta" | "google" | "tiktok";
  structure: boolean;
}

type Phase = "account" | "structure" | "metrics";
interface Progress {
  phase?: Phase;
  cursor?: unknown;
}

type Job = ClaimedJob<Payload, Progress>;

const Body = z.object({
  limit: z.number().int().min(1).max(50).default(8),
  once: z.boolean().default(false),
});

interface Platform {
  source: AdsSource<unknown>;
  client: (onCall: () => void) => Client;
}

function platformFor(provider: string | null, d: Deps): Platform {
  switch (provider) {
    case "meta":
      return {
        source: metaSource({ asyncReportDays: d.settings.META_ASYNC_REPORT_DAYS }) as AdsSource<unknown>,
        client: (onCall) => metaClient(d.settings, d, onCall),
      };
    case "google_ads":
      return {
        source: googleAdsSource() as AdsSource<unknown>,
        client: (onCall) => googleAdsClient(d.settings, d, onCall),
      };
    case "tiktok":
      return {
        source: tiktokSource() as AdsSource<unknown>,
        client: (onCall) => tiktokClient(d.settings, d, onCall),
      };
  }
  throw new ProviderError("bad_request", `no ads sync for provider ${provider}`);
}

/** How a window's turn ended, and the requests made since its last page (counted into the run at finish). */
export interface Turn {
  report: JobReport;
  calls: number;
}

/** Runs one window's remaining steps. */
export async function syncWindow(job: Job, d: Deps, creds: Credentials, deadline: number): Promise<Turn> {
  let calls = 0; // requests since the last page was applied (counted into that page)
  let phase: Phase = job.progress.phase ?? "account";
  let cursor: unknown = job.progress.cursor ?? null;
  const saved = (): Progress => ({ phase, cursor });
  const turn = (report: JobReport): Turn => ({ report, calls });
  try {
    const p = platformFor(job.provider, d);
    const ctx: SyncContext = {
      client: authorizedClient(p.client(() => calls++), creds, job.connection_id!, p.source.authHeaders),
      account: job.external_account_id!,
      now: d.now,
    };
    const apply = async (page: AdsPage) => {
      const n = calls; // requests made for this page (a prefetch running meanwhile counts for the next)
      calls = 0;
      await asService(
        d.sql,
        (tx) =>
          tx`select private.apply_ad_sync_page(${job.job_id}, ${job.lease_id}, ${tx.json(page as never)},
            ${tx.json(saved() as never)}, ${n})`,
      );
    };
    /**
     * Applies each page of a step, fetching the next page while the database applies this one;
     * a wait or the budget ends the turn with its progress saved.
     */
    const run = async (steps: AsyncGenerator<Step<unknown>>, next: Phase | "done"): Promise<JobReport | null> => {
      let pending = steps.next();
      for (;;) {
        const r = await pending;
        if (r.done) return null;
        const s = r.value;
        if ("waitUntil" in s) {
          cursor = s.cursor;
          return { outcome: "wait", nextAttemptAt: s.waitUntil, progress: saved(), connection: { outcome: "ok" } };
        }
        if (s.cursor === null) {
          phase = next === "done" ? phase : next;
          cursor = null;
        } else {
          cursor = s.cursor;
          pending = steps.next();
          pending.catch(() => {}); // an abandoned prefetch (budget spent) must not go unhandled
        }
        await apply(s.page);
        if (s.cursor === null) return null;
        if (d.now() > deadline) return { outcome: "continue", connection: { outcome: "ok" } };
      }
    };

    if (phase === "account") {
      const page = await p.source.account(ctx);
      phase = job.payload.structure ? "structure" : "metrics";
      cursor = null;
      await apply(page);
    }
    if (phase === "structure") {
      const r = await run(p.source.structure(ctx, cursor), "metrics");
      if (r) return turn(r);
    }
    const r = await run(p.source.metrics(ctx, { from: job.payload.from, to: job.payload.to }, cursor), "done");
    return turn(r ?? { outcome: "done", connection: { outcome: "ok" } });
  } catch (e) {
    if ((e as { code?: string }).code === "PT409") return turn({ outcome: "retry", error: "the lease was lost" });
    const r = failureReport(e, d.now());
    if (e instanceof ProviderError && e.details.restart) r.progress = { phase, cursor: null };
    return turn(r);
  }
}

export async function runWorker(req: Request, d: Deps): Promise<Reply> {
  const opts = Body.parse(await acceptWorkerCall(req, d.auth));
  const started = d.now();
  const creds = credentials({
    sql: d.sql,
    ring: d.ring,
    reason: "ads sync",
    refresher: (provider) => provider === "google_ads" ? (rt) => googleAds.refresh!(d.settings, d, rt) : undefined,
  });
  const windows: { jobId: string; outcome: string }[] = [];
  const totals = await drain(
    {
      sql: d.sql,
      name: "ads-sync",
      roundSize: opts.limit,
      budgetMs: d.budgetMs,
      once: opts.once,
      untilEmpty: true,
      rewake: true,
      now: d.now,
    },
    perRow({
      claim: (limit) => claimJobs<Payload, Progress>(d.sql, "ads_sync", limit),
      work: (job) => syncWindow(job, d, creds, started + d.budgetMs),
      finish: async (job, { report, calls }) => {
        const status = await finishJob(
          d.sql,
          job,
          report,
          calls > 0 ? (tx) => tx`select private.count_ad_sync_calls(${job.job_id}, ${calls})` : undefined,
        );
        const outcome = status === null ? "lease_lost" : report.outcome;
        windows.push({ jobId: String(job.job_id), outcome });
        return outcome;
      },
      concurrency: 4,
    }),
  );
  return {
    status: 200,
    body: {
      rounds: totals.rounds,
      claimed: totals.claimed,
      done: totals.done ?? 0,
      continued: totals.continue ?? 0,
      waiting: (totals.wait ?? 0) + (totals.throttled ?? 0),
      retrying: totals.retry ?? 0,
      dead: totals.dead ?? 0,
      windows,
    },
  };
}
