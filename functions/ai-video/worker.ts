// The AI video worker, woken by the database when a project starts or a stage is queued (and by
// the minute sweeper for retries and running operations) or called with the secret key: claims
// jobs of the `ai_video` queue; for each, private.begin_ai_video_step marks the step processing,
// the step runs against its provider (steps.ts), and its outcome goes to
// private.finish_ai_video_step in the transaction that finishes the queue job. Provider failures
// are classified: a retry puts the step back to pending (with the error) until the last attempt,
// a refusal or the last attempt fails it, which fails the project with the reason.
// Body (optional): { limit?: 1-20, once?: boolean }.
import { z } from "zod";
import {
  type ClaimedJob,
  claimJobs,
  failureReport,
  finishJob,
  type JobReport,
  workerSummary,
} from "../_shared/connector_jobs.ts";
import { asService } from "../_shared/db.ts";
import type { Reply } from "../_shared/http.ts";
import { acceptWorkerCall, drain, perRow } from "../_shared/queue_worker.ts";
import { type Begun, type Deps, runStep, type StepResult } from "./steps.ts";

export type { Deps };

type Job = ClaimedJob<{ ai_video_job_id?: string; project_id?: string }, Record<string, never>>;

const Body = z.object({
  limit: z.number().int().min(1).max(20).default(4),
  once: z.boolean().default(false),
});

interface Turn {
  report: JobReport;
  aiJobId?: string;
  step?: Record<string, unknown>;
}

async function work(job: Job, d: Deps, deadline: number): Promise<Turn> {
  let begun: Begun | null = null;
  try {
    const [{ b }] = await asService(
      d.sql,
      (tx) =>
        tx`select private.begin_ai_video_step(${job.job_id}, ${job.lease_id}, ${tx.json(job.payload as never)}) as b`,
    );
    begun = b as Begun | null;
    if (!begun) return { report: { outcome: "done" } };
    const aiJobId = begun.job.id;
    // the operation's id is kept before anything else happens, so a crash resumes polling it
    const record = async (id: string) =>
      void await asService(
        d.sql,
        (tx) =>
          tx`select private.finish_ai_video_step(${job.job_id}, ${job.lease_id}, ${aiJobId},
            ${tx.json({ status: "processing", external_operation_id: id })})`,
      );
    const r: StepResult = await runStep(begun, d, deadline, record);
    if (r.status === "processing") {
      return { report: { outcome: "wait", nextAttemptAt: new Date(d.now() + 30_000) }, aiJobId, step: { ...r } };
    }
    return { report: { outcome: "done" }, aiJobId, step: { ...r } };
  } catch (e) {
    const report = failureReport(e, d.now());
    if (!begun) return { report };
    const step = `${begun.job.job_type.replace("_", " ")}: ${report.error}`;
    const last = report.outcome === "dead" || (report.outcome === "retry" && job.attempts >= job.max_attempts);
    return { report, aiJobId: begun.job.id, step: { status: last ? "failed" : "pending", error: step } };
  }
}

export async function runWorker(req: Request, d: Deps): Promise<Reply> {
  const opts = Body.parse(await acceptWorkerCall(req, d.auth));
  const started = d.now();
  const totals = await drain(
    {
      sql: d.sql,
      name: "ai-video",
      roundSize: opts.limit,
      budgetMs: d.budgetMs,
      once: opts.once,
      untilEmpty: true,
      now: d.now,
    },
    perRow({
      claim: (limit) => claimJobs<Job["payload"], Record<string, never>>(d.sql, "ai_video", limit),
      work: (job) => work(job, d, started + d.budgetMs),
      finish: async (job, t) => {
        const status = await finishJob(
          d.sql,
          job,
          t.report,
          t.aiJobId && t.step
            ? (tx) =>
              tx`select private.finish_ai_video_step(${job.job_id}, ${job.lease_id}, ${t.aiJobId!}, ${
                tx.json(t.step as never)
              })`
            : undefined,
        );
        return status === null ? "lease_lost" : t.report.outcome;
      },
      concurrency: 4,
    }),
  );
  return { status: 200, body: workerSummary(totals) };
}
