// The shopify-sync worker: drains the backfill queue (shopify_sync, one job per shop at a time)
// and the gift card queue (shopify_gift_cards) with the shared loop, each job's calls made with
// its connection's token (read through the audited path) against the shop's Admin GraphQL API.
import { type ClaimedJob, jobRound } from "../_shared/connector_jobs.ts";
import { authorizedClient, credentials } from "../_shared/providers/credentials.ts";
import { shopifyGraphQL } from "../_shared/providers/shopify.ts";
import { shopAdminUrl } from "../_shared/providers.ts";
import { drain, type Totals } from "../_shared/queue_worker.ts";
import type { WorkerDeps } from "../_shared/worker_deps.ts";
import { backfillTurn } from "./backfill.ts";
import { giftCardTurn } from "./gift_cards.ts";

export interface WorkerOptions {
  budgetMs?: number;
  /** Top-level bulk objects per applied chunk (orders: at most 500, upsert_orders' cap). */
  chunk?: number;
  once?: boolean;
  /** How long one turn of a backfill reads before it hands the job back (its progress saved). */
  readBudgetMs?: number;
}

export async function runWorker(
  d: WorkerDeps,
  o: WorkerOptions = {},
): Promise<{ backfill: Totals; giftCards: Totals }> {
  const budgetMs = o.budgetMs ?? 20_000;
  const creds = credentials({ sql: d.sql, ring: d.ring, reason: "shopify sync" });
  const http = { fetch: d.fetch, now: d.now };
  const gqlFor = (job: ClaimedJob<unknown, unknown>) =>
    shopifyGraphQL(
      { adminUrl: shopAdminUrl(d.settings, job.external_account_id ?? ""), shop: job.external_account_id ?? "", http },
      (c) => authorizedClient(c, creds, job.connection_id!, (t) => ({ "x-shopify-access-token": t })),
    );
  const backfill = await drain(
    { sql: d.sql, name: "shopify-sync", roundSize: 4, budgetMs, untilEmpty: true, once: o.once, now: d.now },
    jobRound(
      d.sql,
      "shopify_sync",
      (job: ClaimedJob<{ run_id: string }, Record<string, unknown>>) =>
        backfillTurn({
          sql: d.sql,
          gql: gqlFor(job),
          fetch: d.fetch,
          now: d.now,
          budgetMs,
          chunk: Math.min(o.chunk ?? 500, 500),
        }, job),
      { now: d.now },
    ),
  );
  const giftCards = await drain(
    { sql: d.sql, name: "shopify-sync", roundSize: 20, budgetMs, once: o.once, now: d.now },
    jobRound(
      d.sql,
      "shopify_gift_cards",
      (job: ClaimedJob<{ transaction_id: string }, Record<string, unknown>>) =>
        giftCardTurn({ sql: d.sql, gql: gqlFor(job), ring: d.ring }, job),
      { now: d.now, concurrency: 4 },
    ),
  );
  return { backfill, giftCards };
}
