// The slack_post queue: each job names an alert, approval or briefing; the worker reads its
// current message (private.slack_message_for: blocks, channel, the ts when already posted), posts
// it (chat.postMessage) or edits it (chat.update) with the workspace's bot token, and records the
// ts on the row in the job's transaction. One job at a time per Slack team, so an edit never
// overtakes its post.
import { type ClaimedJob, claimJobs, failureReport, finishJob, type JobReport } from "../_shared/connector_jobs.ts";
import type { KeyRing } from "../_shared/crypto.ts";
import { asService, type Sql } from "../_shared/db.ts";
import { authorizedClient, credentials } from "../_shared/providers/credentials.ts";
import type { ProviderHttp } from "../_shared/providers/http.ts";
import { postOrUpdate, slackAuth, slackClient } from "../_shared/providers/slack.ts";
import { drain, perRow, type Totals } from "../_shared/queue_worker.ts";

/** What both Slack workers (slack-post, slack-sync) run on. */
export interface Deps {
  sql: Sql;
  ring: KeyRing;
  http: ProviderHttp;
  apiUrl: string;
  once?: boolean;
}

type Job = ClaimedJob<{ subject: string; id: string }>;
type Result = JobReport & { post?: { channel: string; ts: string } };

export function runSlackPost(d: Deps): Promise<Totals> {
  const creds = credentials({ sql: d.sql, ring: d.ring, reason: "slack notifications" });
  const base = slackClient({ baseUrl: d.apiUrl, http: d.http });
  const round = perRow<Job, Result>({
    claim: (limit) => claimJobs(d.sql, "slack_post", limit),
    work: async (job) => {
      const [m] = await asService(
        d.sql,
        (tx) => tx`select m.* from private.slack_message_for(${job.payload.subject}, ${job.payload.id}) m`,
      );
      if (!m?.workspace_id) return { outcome: "done" }; // the row is gone: nothing to show
      if (!m.channel) return { outcome: "dead", error: "no Slack channel is configured (notifications.channel)" };
      try {
        const client = authorizedClient(base, creds, job.connection_id!, slackAuth);
        const post = await postOrUpdate(client, { channel: m.channel, ts: m.ts, text: m.text, blocks: m.blocks });
        return { outcome: "done", connection: { outcome: "ok" }, providerRef: post.ts, post };
      } catch (e) {
        return failureReport(e, d.http.now());
      }
    },
    finish: async (job, r) =>
      (await finishJob(
        d.sql,
        job,
        r,
        r.post
          ? (tx) =>
            tx`select private.record_slack_post(${job.payload.subject}, ${job.payload.id}, ${r.post!.channel}, ${
              r.post!.ts
            })`
          : undefined,
      )) ?? "lost",
  });
  return drain(
    { sql: d.sql, name: "slack-post", roundSize: 10, budgetMs: 40_000, untilEmpty: true, once: d.once },
    round,
  );
}
