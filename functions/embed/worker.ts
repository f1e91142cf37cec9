// The embed worker, called by pg_cron (through pg_net) or directly with the service role key:
// claims due jobs (private.claim_embedding_jobs), embeds their chunk text with the collection's
// model in batches within the provider's input and token limits, and reports every batch at once
// (private.finish_embedding_jobs), which writes the vectors whose chunk text and lease are still
// current and retries or dead-letters the rest. Rounds repeat until the queue is empty or the time
// budget is spent. Body (optional): { limit?: 1-2048, once?: boolean, visibilityTimeoutS?: 10-900 }.
import { z } from "zod";
import { asService } from "../_shared/db.ts";
import { EmbeddingError, type EmbeddingModel, type EmbeddingProvider, planBatches } from "../_shared/embeddings.ts";
import type { EmbeddingDeps } from "../_shared/embedding_provider.ts";
import type { Reply } from "../_shared/http.ts";
import { acceptWorkerCall, drain } from "../_shared/queue_worker.ts";
import { estimateTokens } from "../_shared/tokens.ts";

export interface Deps extends EmbeddingDeps {
  now: () => number;
  /** Stop starting new rounds after this many milliseconds. */
  budgetMs: number;
}

export interface Job {
  job_id: string;
  lease_id: string;
  chunk_id: string;
  content: string;
  token_count: number;
  embedding_model: EmbeddingModel | null;
  attempts: number;
}

export interface JobResult {
  job_id: string;
  lease_id: string;
  model?: EmbeddingModel;
  embedding?: number[];
  error?: string;
  retryable?: boolean;
  retry_after_s?: number;
}

const Body = z.object({
  limit: z.number().int().min(1).max(2048).default(128),
  once: z.boolean().default(false),
  visibilityTimeoutS: z.number().int().min(10).max(900).default(120),
});

/** Embeds one model's jobs: a result per job, in batches within the provider's limits. */
export async function embedJobs(jobs: Job[], provider: EmbeddingProvider): Promise<JobResult[]> {
  const results: JobResult[] = [];
  const sized = jobs.map((j) => ({ job: j, tokens: j.token_count > 0 ? j.token_count : estimateTokens(j.content) }));
  const fits = sized.filter((s) => s.tokens <= provider.maxTokensPerInput);
  for (const s of sized) {
    if (s.tokens > provider.maxTokensPerInput) {
      results.push({
        job_id: s.job.job_id,
        lease_id: s.job.lease_id,
        error:
          `the chunk has about ${s.tokens} tokens; ${provider.model} accepts at most ${provider.maxTokensPerInput}`,
        retryable: false,
      });
    }
  }
  for (const batch of planBatches(fits, provider)) {
    try {
      const vectors = await provider.embed(batch.map((s) => s.job.content));
      batch.forEach((s, i) =>
        results.push({ job_id: s.job.job_id, lease_id: s.job.lease_id, model: provider.model, embedding: vectors[i] })
      );
    } catch (e) {
      const err = e instanceof EmbeddingError ? e : new EmbeddingError(String((e as Error)?.message ?? e), true);
      for (const s of batch) {
        results.push({
          job_id: s.job.job_id,
          lease_id: s.job.lease_id,
          error: err.message,
          retryable: err.retryable,
          ...(err.retryAfterS !== undefined ? { retry_after_s: err.retryAfterS } : {}),
        });
      }
    }
  }
  return results;
}

export async function runWorker(req: Request, d: Deps): Promise<Reply> {
  const opts = Body.parse(await acceptWorkerCall(req, d.auth));
  const jobs: { jobId: string; chunkId: string; outcome: string }[] = [];
  const totals = await drain(
    { sql: d.sql, name: "embed", roundSize: opts.limit, budgetMs: d.budgetMs, once: opts.once, now: d.now },
    async (limit) => {
      const claimed = await asService(
        d.sql,
        (tx) =>
          tx`select * from private.claim_embedding_jobs(${limit}, make_interval(secs => ${opts.visibilityTimeoutS}))`,
      ) as unknown as Job[];
      const byModel = new Map<EmbeddingModel, Job[]>();
      for (const j of claimed) {
        const m = j.embedding_model ?? d.env.EMBEDDING_MODEL;
        byModel.set(m, [...(byModel.get(m) ?? []), j]);
      }
      const outcomes: Record<string, number> = {};
      for (const [model, group] of byModel) {
        const results = await embedJobs(group, d.provider(model));
        const rows = await asService(
          d.sql,
          (tx) => tx`select * from private.finish_embedding_jobs(${tx.json(results as never)})`,
        ) as unknown as { job_id: string; chunk_id: string; outcome: string }[];
        for (const r of rows) {
          jobs.push({ jobId: String(r.job_id), chunkId: r.chunk_id, outcome: r.outcome });
          outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
        }
      }
      return { claimed: claimed.length, outcomes };
    },
  );
  return {
    status: 200,
    body: {
      rounds: totals.rounds,
      claimed: totals.claimed,
      embedded: totals.embedded ?? 0,
      retrying: totals.retrying ?? 0,
      dead: totals.dead ?? 0,
      leaseLost: totals.lease_lost ?? 0,
      jobs,
    },
  };
}
