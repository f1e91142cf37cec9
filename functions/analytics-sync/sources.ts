// The analytics sources: for each, its provider client (with the connection's credentials where
// it has them), how it pages, and its one SQL apply function. A job's payload names its source;
// nothing here takes a table or function name from a request.
import type { ClaimedJob } from "../_shared/connector_jobs.ts";
import type { Tx } from "../_shared/db.ts";
import type { Settings } from "../_shared/env.ts";
import type { Pull, Pulled } from "../_shared/providers/analytics.ts";
import { authorizedClient, type Credentials } from "../_shared/providers/credentials.ts";
import { fairingClient, nextFairingPage, type SurveyPage } from "../_shared/providers/fairing.ts";
import type { Client, ProviderHttp } from "../_shared/providers/http.ts";
import { instagramClient, nextInstagramPage, type SocialPage } from "../_shared/providers/instagram.ts";
import { auditPage, type PageAudit, pagespeedClient, type Strategy } from "../_shared/providers/pagespeed.ts";
import { nextSearchConsolePage, type RankingRow, searchConsoleClient } from "../_shared/providers/search_console.ts";
import { nextTikTokPage, tiktokAccountClient } from "../_shared/providers/tiktok_account.ts";

export type Source = "search_console" | "pagespeed" | "instagram" | "tiktok" | "fairing";

export interface Payload {
  source: Source;
  kind: "initial" | "daily" | "manual";
  from: string;
  to: string;
}

export type Job = ClaimedJob<Payload, Record<string, unknown>>;

export interface SourceContext {
  settings: Settings;
  http: ProviderHttp;
  creds: Credentials;
  /** Runs SQL as the service (the pagespeed source reads its key pages). */
  service: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  /** Counts a provider request (the run's api_calls). */
  onCall: () => void;
}

export interface SourceSync {
  /** The next page of the job's pull from its progress. */
  next(c: SourceContext, job: Job, progress: Record<string, unknown>): Promise<Pulled<unknown>>;
  /** Applies one page in the caller's transaction (the source's private.apply_*_page). */
  apply(tx: Tx, job: Job, page: unknown, progress: Record<string, unknown>, calls: number): Promise<unknown>;
}

const pullOf = (job: Job): Pull => ({
  account: job.external_account_id ?? "",
  from: job.payload.from,
  to: job.payload.to,
});

/** A client whose every call carries the connection's token as `headers(token)` says. */
function withToken(c: SourceContext, job: Job, client: Client, headers: (t: string) => Record<string, string>): Client {
  if (!job.connection_id) throw new Error(`job ${job.job_id} has no connection`);
  return authorizedClient(client, c.creds, job.connection_id, headers);
}
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

export const SOURCES: Record<Source, SourceSync> = {
  search_console: {
    next: (c, job, progress) =>
      nextSearchConsolePage(
        withToken(c, job, searchConsoleClient(c.settings, c.http, c.onCall), bearer),
        pullOf(job),
        progress,
        c.settings.SEARCH_CONSOLE_ROW_LIMIT,
      ),
    apply: (tx, job, page, progress, calls) =>
      tx`select private.apply_search_console_page(${job.job_id}, ${job.lease_id}, ${
        tx.json(page as RankingRow[] as never)
      },
        ${tx.json(progress as never)}, ${calls})`,
  },
  pagespeed: {
    async next(c, job, progress) {
      const pages = await c.service((tx) =>
        tx`select url, strategy from private.pagespeed_pages(${job.connection_id})`
      ) as unknown as { url: string; strategy: Strategy }[];
      const index = Number(progress.index ?? 0);
      if (index >= pages.length) return { page: null, progress: { index }, done: true };
      const p = pages[index];
      const audit = await auditPage(
        pagespeedClient(c.settings, c.http, c.onCall),
        c.settings.PAGESPEED_API_KEY,
        p.url,
        p.strategy,
      );
      return { page: audit, progress: { index: index + 1 }, done: index + 1 >= pages.length };
    },
    apply: (tx, job, page, progress, calls) =>
      tx`select private.apply_pagespeed_page(${job.job_id}, ${job.lease_id}, ${tx.json(page as PageAudit as never)},
        ${tx.json(progress as never)}, ${calls})`,
  },
  instagram: {
    next: (c, job, progress) =>
      nextInstagramPage(
        withToken(c, job, instagramClient(c.settings, c.http, c.onCall), bearer),
        pullOf(job),
        progress,
      ),
    apply: (tx, job, page, progress, calls) =>
      tx`select private.apply_social_page(${job.job_id}, ${job.lease_id}, ${tx.json(page as SocialPage as never)},
        ${tx.json(progress as never)}, ${calls})`,
  },
  tiktok: {
    next: (c, job, progress) =>
      nextTikTokPage(
        withToken(c, job, tiktokAccountClient(c.settings, c.http, c.onCall), (t) => ({ "access-token": t })),
        pullOf(job),
        progress,
      ),
    apply: (tx, job, page, progress, calls) =>
      tx`select private.apply_social_page(${job.job_id}, ${job.lease_id}, ${tx.json(page as SocialPage as never)},
        ${tx.json(progress as never)}, ${calls})`,
  },
  fairing: {
    next: (c, job, progress) =>
      nextFairingPage(
        withToken(c, job, fairingClient(c.settings, c.http, c.onCall), (t) => ({ authorization: t })),
        pullOf(job),
        progress,
      ),
    apply: (tx, job, page, progress, calls) => {
      const p = page as SurveyPage;
      return tx`select private.apply_fairing_page(${job.job_id}, ${job.lease_id}, ${tx.json(p.questions as never)},
        ${tx.json(p.responses as never)}, ${tx.json(progress as never)}, ${calls})`;
    },
  },
};
