// The chatwoot queue: replies members send from the app and ticket statuses they set, posted to
// the Chatwoot conversation with the workspace's API token, one at a time per Chatwoot account
// (a reply and a status change keep their order). The job's key was recorded when it was queued;
// Chatwoot's message id is kept as the job's provider_ref.
import { type ClaimedJob, claimJobs, failureReport, finishJob, type JobReport } from "../_shared/connector_jobs.ts";
import type { KeyRing } from "../_shared/crypto.ts";
import { asService, type Sql } from "../_shared/db.ts";
import { chatwootAuth, chatwootClient, type ChatwootWork, sendToChatwoot } from "../_shared/providers/chatwoot.ts";
import { authorizedClient, credentials } from "../_shared/providers/credentials.ts";
import type { ProviderHttp } from "../_shared/providers/http.ts";
import { drain, perRow, type Totals } from "../_shared/queue_worker.ts";

export interface Deps {
  sql: Sql;
  ring: KeyRing;
  http: ProviderHttp;
  once?: boolean;
}

export function runChatwootSync(d: Deps): Promise<Totals> {
  const creds = credentials({ sql: d.sql, ring: d.ring, reason: "chatwoot replies" });
  const round = perRow<ClaimedJob<ChatwootWork>, JobReport>({
    claim: (limit) => claimJobs(d.sql, "chatwoot", limit),
    work: async (job) => {
      const [conn] = await asService(
        d.sql,
        (tx) =>
          tx`select metadata ->> 'base_url' as base_url from public.integration_connections where id = ${job.connection_id}`,
      );
      if (!conn?.base_url) return { outcome: "dead", error: "the Chatwoot connection has no base URL" };
      try {
        const client = authorizedClient(
          chatwootClient({ baseUrl: conn.base_url, http: d.http }),
          creds,
          job.connection_id!,
          chatwootAuth,
        );
        const ref = await sendToChatwoot(client, job.external_account_id!, job.payload);
        return { outcome: "done", providerRef: ref, connection: { outcome: "ok" } };
      } catch (e) {
        return failureReport(e, d.http.now());
      }
    },
    finish: async (job, r) => (await finishJob(d.sql, job, r)) ?? "lost",
  });
  return drain(
    { sql: d.sql, name: "chatwoot-sync", roundSize: 10, budgetMs: 40_000, untilEmpty: true, once: d.once },
    round,
  );
}
