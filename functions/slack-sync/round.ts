// The slack_sync queue: a job walks users.list, then conversations.list, one page per turn
// (cursor paging), saving where it stands as the job's progress in the same transaction as the
// page it applies (public.ingest_slack_users / ingest_slack_channels), so a crash or a 429 resumes
// at that page. Slack's rate limits are per method: a 429 here makes the job wait for its
// Retry-After (attempt not counted) and leaves the connection callable for the team's posts.
import { type ClaimedJob, claimJobs, failureReport, finishJob, type JobReport } from "../_shared/connector_jobs.ts";
import { authorizedClient, credentials } from "../_shared/providers/credentials.ts";
import { ProviderError } from "../_shared/providers/http.ts";
import { slackAuth, slackClient, slackPage } from "../_shared/providers/slack.ts";
import { drain, perRow, type Totals } from "../_shared/queue_worker.ts";
import type { Deps } from "../slack-post/round.ts";

interface Progress {
  phase?: "users" | "channels";
  cursor?: string | null;
}

type Job = ClaimedJob<Record<string, never>, Progress>;
type Result = JobReport & { apply?: { fn: "users" | "channels"; rows: unknown[] } };

// deno-lint-ignore no-explicit-any
type Any = any;

const user = (team: string) => (m: Any) => ({
  team_id: m.team_id ?? team,
  slack_user_id: m.id,
  name: m.name ?? null,
  real_name: m.real_name ?? m.profile?.real_name ?? null,
  email: m.profile?.email ?? null,
  title: m.profile?.title || null,
  timezone: m.tz ?? null,
  avatar_url: typeof m.profile?.image_72 === "string" && m.profile.image_72.startsWith("https://")
    ? m.profile.image_72
    : null,
  is_admin: !!m.is_admin,
  is_bot: !!m.is_bot,
  is_deleted: !!m.deleted,
});

const channel = (team: string) => (c: Any) => ({
  team_id: c.context_team_id ?? team,
  slack_channel_id: c.id,
  name: c.name ?? null,
  is_private: !!c.is_private,
  is_im: !!c.is_im,
  is_mpim: !!c.is_mpim,
  is_archived: !!c.is_archived,
  topic: c.topic?.value || null,
  purpose: c.purpose?.value || null,
  member_count: typeof c.num_members === "number" ? c.num_members : null,
});

export function runSlackSync(d: Deps): Promise<Totals> {
  const creds = credentials({ sql: d.sql, ring: d.ring, reason: "slack sync" });
  const base = slackClient({ baseUrl: d.apiUrl, http: d.http });
  const round = perRow<Job, Result>({
    claim: (limit) => claimJobs(d.sql, "slack_sync", limit),
    work: async (job) => {
      const phase = job.progress.phase ?? "users";
      const team = job.external_account_id ?? "";
      try {
        const client = authorizedClient(base, creds, job.connection_id!, slackAuth);
        const page = phase === "users"
          ? await slackPage<Any>(client, "users.list", "members", {}, job.progress.cursor ?? null)
          : await slackPage<Any>(
            client,
            "conversations.list",
            "channels",
            { types: "public_channel,private_channel" },
            job.progress.cursor ?? null,
          );
        const rows: unknown[] = phase === "users" ? page.items.map(user(team)) : page.items.map(channel(team));
        const last = phase === "channels" && !page.next;
        const progress: Progress = page.next ? { phase, cursor: page.next } : { phase: "channels", cursor: null };
        return {
          outcome: last ? "done" : "continue",
          progress,
          connection: { outcome: "ok" },
          apply: { fn: phase, rows },
        };
      } catch (e) {
        // Slack limits each method on its own: a 429 on users.list or conversations.list holds
        // this sync until its Retry-After, not the team's posts (chat.postMessage's own limit)
        if (e instanceof ProviderError && e.kind === "throttled") {
          return {
            outcome: "wait",
            error: e.message,
            nextAttemptAt: e.details.retryAt ?? new Date(d.http.now() + 60_000),
          };
        }
        return failureReport(e, d.http.now());
      }
    },
    finish: async (job, r) =>
      (await finishJob(
        d.sql,
        job,
        r,
        r.apply?.rows.length
          ? (tx) =>
            r.apply!.fn === "users"
              ? tx`select public.ingest_slack_users(${job.workspace_id}, ${tx.json(r.apply!.rows as never)})`
              : tx`select public.ingest_slack_channels(${job.workspace_id}, ${tx.json(r.apply!.rows as never)})`
          : undefined,
      )) ?? "lost",
  });
  return drain(
    { sql: d.sql, name: "slack-sync", roundSize: 5, budgetMs: 40_000, untilEmpty: true, once: d.once },
    round,
  );
}
