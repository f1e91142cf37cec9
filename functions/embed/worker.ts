// The embed worker, called by pg_cron (through pg_net) or directly with the service role key:
// claims due jobs (private.claim_embedding_jobs), embeds their chunk text with the collection's
// model in batches within the provider's input and token limits, and reports every batch at once
// (private.finish_embedding_jobs), which writes the vectors whose chunk text and lease are still
// current and retries or dead-letters the rest. Rounds repeat until the queue is empty or the time
// budget is spent. Body (optional): { limit?: 1-2048, once?: boolean, visibilityTimeoutS?: 10-900 }.
import { z } from "zod";
import { requireServiceRole } from "../_shared/auth.ts";
import { asService } from "../_shared/db.ts";
import { EmbeddingError, type EmbeddingModel, type EmbeddingProvider, planBatches } from "../_shared/embeddings.ts";
import type { EmbeddingDeps } from "../_shared/embedding_provider.ts";
import { HttpError, type Reply } from "../_shared/http.ts";
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
  if (req.method !== "POST") throw new HttpError(405, "method_not_allowed", "use POST");
  await requireServiceRole(req, d.auth);
  const text = await req.text(); // an empty body (pg_net sends {}) means the defaults
  let raw: unknown = {};
  try {
    if (text.trim()) raw = JSON.parse(text);
  } catch {
    throw new HttpError(400, "invalid_json", "the body is not valid JSON");
  }
  const opts = Body.parse(raw);
  const started = d.now();
  // later jobs need a new wake-up from now on (private.wake_function)
  await asService(d.sql, (tx) => tx`select private.function_round_started('embed')`);
  const outcomes: { jobId: string; chunkId: string; outcome: string }[] = [];
  let claimed = 0;
  let rounds = 0;
  do {
    rounds++;
    const jobs = await asService(
      d.sql,
      (tx) =>
        tx`select * from private.claim_embedding_jobs(${opts.limit}, make_interval(secs => ${opts.visibilityTimeoutS}))`,
    ) as unknown as Job[];
    claimed += jobs.length;
    if (!jobs.length) break;
    const byModel = new Map<EmbeddingModel, Job[]>();
    for (const j of jobs) {
      const m = j.embedding_model ?? d.env.EMBEDDING_MODEL;
      byModel.set(m, [...(byModel.get(m) ?? []), j]);
    }
    for (const [model, group] of byModel) {
      const results = await embedJobs(group, d.provider(model));
      const rows = await asService(
        d.sql,
        (tx) => tx`select * from private.finish_embedding_jobs(${tx.json(results as never)})`,
      ) as unknown as { job_id: string; chunk_id: string; outcome: string }[];
      for (const r of rows) outcomes.push({ jobId: String(r.job_id), chunkId: r.chunk_id, outcome: r.outcome });
    }
  } while (!opts.once && d.now() - started < d.budgetMs);
  const count = (o: string) => outcomes.filter((x) => x.outcome === o).length;
  return {
    status: 200,
    body: {
      rounds,
      claimed,
      embedded: count("embedded"),
      retrying: count("retrying"),
      dead: count("dead"),
      leaseLost: count("lease_lost"),
      jobs: outcomes,
    },
  };
}
