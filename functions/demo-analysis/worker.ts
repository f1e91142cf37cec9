// The conversation analysis worker, woken by the database when a live demo conversation's
// transcript arrives (and by the minute sweeper for retries) or called with the secret key:
// claims jobs of the `demo_conversation_analysis` queue, asks the model for each message's
// sentiment, intent and confidence, and hands the answer to private.apply_conversation_analysis
// in the transaction that finishes the job. Throttling waits, other model failures retry with
// backoff, a refusal is a dead letter. Body (optional): { limit?: 1-50, once?: boolean }.
import { z } from "zod";
import {
  type ClaimedJob,
  claimJobs,
  failureReport,
  finishJob,
  type JobReport,
  workerSummary,
} from "../_shared/connector_jobs.ts";
import type { ConnectorDeps } from "../_shared/connector_deps.ts";
import { asService } from "../_shared/db.ts";
import type { Reply } from "../_shared/http.ts";
import { chatClient, chatJson } from "../_shared/providers/openai_chat.ts";
import { acceptWorkerCall, drain, perRow } from "../_shared/queue_worker.ts";

export type Deps = ConnectorDeps;

type Job = ClaimedJob<{ conversation_id: string }, Record<string, never>>;

const Body = z.object({
  limit: z.number().int().min(1).max(50).default(10),
  once: z.boolean().default(false),
});

export const ANALYSIS_PROMPT = [
  "You label the messages of a sales demo conversation between a visitor (user) and an AI guide (assistant).",
  'Answer one JSON object: {"messages": [{"index": <the message index>, "sentiment": "positive" | "neutral" | "negative",',
  '"intent": <a short snake_case label of what the speaker wants, e.g. pricing_question, objection, greeting, purchase_intent>,',
  '"confidence": <0 to 1>}]}, one entry per message given.',
].join(" ");

interface Result {
  report: JobReport;
  analysis?: unknown[];
}

async function analyse(job: Job, d: Deps): Promise<Result> {
  try {
    const [{ messages }] = await asService(
      d.sql,
      (tx) =>
        tx`select private.conversation_to_analyse(${job.workspace_id}, ${job.payload.conversation_id}) as messages`,
    );
    if (!Array.isArray(messages) || messages.length === 0) return { report: { outcome: "done" }, analysis: [] };
    const { value: answer } = await chatJson(
      chatClient(d.settings, d, d.settings.DEMO_ANALYSIS_TIMEOUT_MS),
      d.settings.DEMO_ANALYSIS_MODEL,
      ANALYSIS_PROMPT,
      JSON.stringify({ messages }),
      d.now,
    );
    const analysis = Array.isArray(answer.messages) ? answer.messages : [];
    return { report: { outcome: "done" }, analysis };
  } catch (e) {
    return { report: failureReport(e, d.now()) };
  }
}

export async function runWorker(req: Request, d: Deps): Promise<Reply> {
  const opts = Body.parse(await acceptWorkerCall(req, d.auth));
  const totals = await drain(
    { sql: d.sql, name: "demo-analysis", roundSize: opts.limit, budgetMs: d.budgetMs, once: opts.once, now: d.now },
    perRow({
      claim: (limit) => claimJobs<Job["payload"], Record<string, never>>(d.sql, "demo_conversation_analysis", limit),
      work: (job) => analyse(job, d),
      finish: async (job, r) => {
        const status = await finishJob(
          d.sql,
          job,
          r.report,
          r.analysis
            ? (tx) =>
              tx`select private.apply_conversation_analysis(${job.job_id}, ${job.lease_id}, ${job.workspace_id},
                ${job.payload.conversation_id}, ${tx.json(r.analysis as never)})`
            : undefined,
        );
        return status === null ? "lease_lost" : r.report.outcome;
      },
      concurrency: 4,
    }),
  );
  return { status: 200, body: workerSummary(totals) };
}
