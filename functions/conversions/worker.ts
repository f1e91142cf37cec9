// The server-side conversions worker, woken by the database when events are queued (and every
// minute while any is due) or called with the secret key: claims jobs of the `conversions`
// queue (one per event and destination), reads their events (private.conversion_batch), and
// sends them per destination, pixel and credential in the platform's batches (Meta and TikTok up
// to 1,000 events a request, GA4 one). A batch the platform refuses is sent again event by event,
// so one bad event does not hold back the rest. Each connection's outcome and every job's result
// go to SQL in one transaction (private.finish_conversion_jobs), which sets the events' statuses.
// Body (optional): { limit?: 1-1000, once?: boolean }.
import { z } from "zod";
import { type ClaimedJob, claimJobs, failureReport, type JobReport } from "../_shared/connector_jobs.ts";
import { asService } from "../_shared/db.ts";
import type { ConnectorDeps } from "../_shared/connector_deps.ts";
import type { Reply } from "../_shared/http.ts";
import type { ConversionEvent, Sender } from "../_shared/providers/conversions.ts";
import { credentials } from "../_shared/providers/credentials.ts";
import { ga4Client, ga4Sender } from "../_shared/providers/ga4.ts";
import { type Client, ProviderError } from "../_shared/providers/http.ts";
import { metaCapiSender, metaClient } from "../_shared/providers/meta.ts";
import { tiktokClient, tiktokEventsSender } from "../_shared/providers/tiktok.ts";
import { acceptWorkerCall, drain } from "../_shared/queue_worker.ts";

export type Deps = ConnectorDeps;

type Job = ClaimedJob<{ destination: string; event_id: string; occurred_at: string }, Record<string, never>>;

const Body = z.object({
  limit: z.number().int().min(1).max(1000).default(500),
  once: z.boolean().default(false),
});

function destination(name: string, d: Deps): { sender: Sender; client: Client } {
  switch (name) {
    case "meta":
      return { sender: metaCapiSender, client: metaClient(d.settings, d) };
    case "ga4":
      return { sender: ga4Sender, client: ga4Client(d.settings, d) };
    case "tiktok":
      return { sender: tiktokEventsSender, client: tiktokClient(d.settings, d) };
  }
  throw new Error(`no sender for ${name}`);
}

interface Result {
  job_id: string;
  lease_id: string;
  outcome: JobReport["outcome"];
  error?: string;
  next_attempt_at?: Date;
  provider_ref?: string | null;
}

/** Sends a group's events (one destination, pixel and credential) in batches; a refused batch event by event. */
async function sendGroup(
  events: ConversionEvent[],
  send: (batch: ConversionEvent[]) => Promise<string | null>,
  maxBatch: number,
  now: () => number,
): Promise<{ results: Map<string, JobReport>; connection: JobReport["connection"] }> {
  const results = new Map<string, JobReport>();
  let connection: JobReport["connection"] = undefined;
  const fail = (batch: ConversionEvent[], e: unknown) => {
    const r = failureReport(e, now());
    connection = r.connection ?? connection;
    for (const ev of batch) results.set(ev.job_id, r);
  };
  for (let i = 0; i < events.length; i += maxBatch) {
    const batch = events.slice(i, i + maxBatch);
    try {
      const ref = await send(batch);
      connection ??= { outcome: "ok" };
      for (const ev of batch) results.set(ev.job_id, { outcome: "done", providerRef: ref ?? undefined });
    } catch (e) {
      if (e instanceof ProviderError && e.kind === "bad_request" && batch.length > 1) {
        for (const ev of batch) {
          try {
            const ref = await send([ev]);
            connection ??= { outcome: "ok" };
            results.set(ev.job_id, { outcome: "done", providerRef: ref ?? undefined });
          } catch (e1) {
            fail([ev], e1);
          }
        }
      } else fail(batch, e);
    }
  }
  return { results, connection };
}

export async function runWorker(req: Request, d: Deps): Promise<Reply> {
  const opts = Body.parse(await acceptWorkerCall(req, d.auth));
  const creds = credentials({ sql: d.sql, ring: d.ring, reason: "conversions" });
  const totals = await drain(
    {
      sql: d.sql,
      name: "conversions",
      roundSize: opts.limit,
      budgetMs: d.budgetMs,
      once: opts.once,
      rewake: true,
      now: d.now,
    },
    async (limit) => {
      const jobs = await claimJobs(d.sql, "conversions", limit) as Job[];
      if (!jobs.length) return { claimed: 0, outcomes: {} };
      const rows = await asService(
        d.sql,
        (tx) => tx`select * from private.conversion_batch(${jobs.map((j) => j.job_id)}::bigint[])`,
      ) as unknown as ConversionEvent[];
      const byJob = new Map(rows.map((r) => [String(r.job_id), { ...r, job_id: String(r.job_id) }]));
      const results: Result[] = [];
      const connections = new Map<string, NonNullable<JobReport["connection"]>>();
      const groups = new Map<string, { connection: string; events: ConversionEvent[] }>();
      for (const j of jobs) {
        const ev = byJob.get(String(j.job_id));
        if (!ev || !j.connection_id) {
          results.push({
            job_id: j.job_id,
            lease_id: j.lease_id,
            outcome: "dead",
            error: "the event or its destination is gone",
          });
          continue;
        }
        const key = [j.connection_id, ev.destination, ev.pixel_id, ev.test_event_code ?? ""].join("|");
        const g = groups.get(key) ?? { connection: j.connection_id, events: [] };
        g.events.push(ev);
        groups.set(key, g);
      }
      const leases = new Map(jobs.map((j) => [String(j.job_id), j.lease_id]));
      await Promise.all([...groups.values()].map(async (g) => {
        const dst = destination(g.events[0].destination, d);
        const { results: rs, connection } = await sendGroup(
          g.events,
          (batch) => creds.withToken(g.connection, (credential) => dst.sender.send(dst.client, credential, batch)),
          dst.sender.maxBatch,
          d.now,
        );
        if (connection) connections.set(g.connection, connection);
        for (const [jobId, r] of rs) {
          results.push({
            job_id: jobId,
            lease_id: leases.get(jobId)!,
            outcome: r.outcome,
            error: r.error,
            next_attempt_at: r.nextAttemptAt,
            provider_ref: r.providerRef,
          });
        }
      }));
      const counts = await asService(d.sql, async (tx) => {
        for (const [id, c] of connections) {
          await tx`select private.record_connection_call(${id}, ${c.outcome}, ${c.error ?? null}, ${
            c.throttledUntil ?? null
          })`;
        }
        const [row] = await tx`select private.finish_conversion_jobs(${tx.json(results as never)}) as counts`;
        return row.counts as Record<string, number>;
      });
      return { claimed: jobs.length, outcomes: counts };
    },
  );
  return {
    status: 200,
    body: {
      rounds: totals.rounds,
      claimed: totals.claimed,
      sent: totals.done ?? 0,
      retrying: totals.queued ?? 0,
      failed: totals.dead ?? 0,
    },
  };
}
