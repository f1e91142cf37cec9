// The yotpo-import worker (queue yotpo_import): the app key and secret (the connection's stored
// secret) become a utoken, then the shop's reviews are read page by page and each page applied
// with the page reached (private.apply_yotpo_reviews), so a crash resumes at the next page and a
// page applied twice changes nothing. A short page is the last.
import { type ClaimedJob, type JobReport, jobRound } from "../_shared/connector_jobs.ts";
import { asService } from "../_shared/db.ts";
import { credentials } from "../_shared/providers/credentials.ts";
import { yotpoClient, yotpoReviews, yotpoToken } from "../_shared/providers/yotpo.ts";
import { drain, type Totals } from "../_shared/queue_worker.ts";
import type { WorkerDeps } from "../_shared/worker_deps.ts";

const PAGE = 100;

async function turn(
  d: WorkerDeps,
  job: ClaimedJob<unknown, { page?: number }>,
  secretOf: (id: string) => Promise<string>,
): Promise<JobReport> {
  const client = yotpoClient(d.settings.YOTPO_API_URL, { fetch: d.fetch, now: d.now });
  const appKey = job.external_account_id!;
  const utoken = await yotpoToken(client, appKey, await secretOf(job.connection_id!));
  const began = d.now();
  let page = job.progress?.page ?? 1;
  for (;;) {
    const reviews = await yotpoReviews(client, appKey, utoken, page, PAGE);
    const next = { page: page + 1 };
    await asService(
      d.sql,
      (tx) =>
        tx`select private.apply_yotpo_reviews(${job.job_id}, ${job.lease_id}, ${tx.json(reviews as never)}, ${
          tx.json(next)
        })`,
    );
    if (reviews.length < PAGE) return { outcome: "done", progress: next, connection: { outcome: "ok" } };
    page++;
    if (d.now() - began > 20_000) return { outcome: "continue", progress: next, connection: { outcome: "ok" } };
  }
}

export async function runYotpo(d: WorkerDeps, once = false): Promise<Totals> {
  const creds = credentials({ sql: d.sql, ring: d.ring, reason: "yotpo import" });
  const secretOf = (id: string) => creds.withToken(id, (t) => Promise.resolve(t));
  return await drain(
    { sql: d.sql, name: "yotpo-import", roundSize: 4, budgetMs: 25_000, untilEmpty: true, once, now: d.now },
    jobRound(d.sql, "yotpo_import", (job: ClaimedJob<unknown, { page?: number }>) => turn(d, job, secretOf), {
      now: d.now,
    }),
  );
}
