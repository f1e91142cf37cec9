// One turn of a backfill job (queue shopify_sync: one job per shop at a time, so one bulk
// operation per shop). Its progress says where it stands:
//   {phase, step: "start"}              ask Shopify to run the phase's bulk query
//   {phase, step: "poll", op_id}        wait for the operation (the bulk_operations/finish webhook
//                                       makes the job due at once; else it looks every 30 s)
//   {phase, step: "read", op_id, url, line}  stream the JSONL from `line`, apply it in chunks
// Each chunk is applied with its progress in one transaction (private.apply_shopify_bulk), so a
// crash resumes at the first line not applied and nothing is half applied. Phases run
// products -> customers -> orders; after orders the job is done (its run completes, today's
// inventory snapshot is taken and reorder points recomputed by the database).
import type { ClaimedJob, JobReport } from "../_shared/connector_jobs.ts";
import { touchJob } from "../_shared/connector_jobs.ts";
import { asService, type Sql } from "../_shared/db.ts";
import { ProviderError } from "../_shared/providers/http.ts";
import { type ShopifyGraphQL, userErrors } from "../_shared/providers/shopify.ts";
import {
  BULK_BY_ID,
  BULK_QUERIES,
  type BulkOperation,
  CURRENT_BULK,
  type Phase,
  PHASES,
  RUN_BULK,
  sameQuery,
} from "./bulk_queries.ts";
import { batches, lines } from "./jsonl.ts";

export interface BackfillProgress {
  phase?: Phase;
  step?: "start" | "poll" | "read";
  op_id?: string;
  url?: string;
  line?: number;
  /** The byte offset where `line` starts: a resumed read asks for the rest of the file only. */
  offset?: number;
}

export interface BackfillDeps {
  sql: Sql;
  gql: ShopifyGraphQL;
  /** Fetches the result file (a signed storage URL, not the shop's admin). */
  fetch: typeof fetch;
  now: () => number;
  /** Stop reading and hand the job back (progress saved) after this long. */
  budgetMs: number;
  /** Top-level objects per applied chunk. */
  chunk: number;
}

type Job = ClaimedJob<{ run_id: string }, BackfillProgress>;

const POLL_MS = 30_000;

function nextPhase(p: Phase): Phase | null {
  const i = PHASES.indexOf(p);
  return i + 1 < PHASES.length ? PHASES[i + 1] : null;
}

async function started(d: BackfillDeps, job: Job, phase: Phase, op: string) {
  const progress = { phase, step: "poll", op_id: op };
  await asService(
    d.sql,
    (tx) => tx`select private.shopify_bulk_started(${job.job_id}, ${job.lease_id}, ${phase}, ${tx.json(progress)})`,
  );
  return progress;
}

/** Starts (or, after a crash, adopts) the phase's bulk operation; never a second one in the shop. */
async function start(d: BackfillDeps, job: Job, phase: Phase): Promise<JobReport> {
  const query = BULK_QUERIES[phase];
  const { currentBulkOperation: cur } = await d.gql.query<{ currentBulkOperation: BulkOperation | null }>(CURRENT_BULK);
  if (cur && ["CREATED", "RUNNING", "CANCELING"].includes(cur.status)) {
    if (sameQuery(cur.query, query)) {
      // ours, started by a turn that died before recording it
      return {
        outcome: "wait",
        nextAttemptAt: new Date(d.now() + 5_000),
        progress: await started(d, job, phase, cur.id),
        connection: { outcome: "ok" },
      };
    }
    return {
      outcome: "wait",
      error: `another bulk operation (${cur.id}) is running in this shop; waiting for it`,
      nextAttemptAt: new Date(d.now() + 60_000),
      connection: { outcome: "ok" },
    };
  }
  const r = await d.gql.query<
    {
      bulkOperationRunQuery: {
        bulkOperation: BulkOperation | null;
        userErrors: { field: string[]; message: string; code?: string }[];
      };
    }
  >(
    RUN_BULK,
    { query },
  );
  const errs = r.bulkOperationRunQuery.userErrors;
  if (errs?.some((e) => e.code === "OPERATION_IN_PROGRESS")) {
    return {
      outcome: "wait",
      error: "a bulk operation is already running in this shop",
      nextAttemptAt: new Date(d.now() + 60_000),
      connection: { outcome: "ok" },
    };
  }
  const refused = userErrors(errs);
  if (refused) throw refused;
  const op = r.bulkOperationRunQuery.bulkOperation!;
  return {
    outcome: "wait",
    nextAttemptAt: new Date(d.now() + 2_000),
    progress: await started(d, job, phase, op.id),
    connection: { outcome: "ok" },
  };
}

async function poll(d: BackfillDeps, phase: Phase, opId: string): Promise<JobReport> {
  const { node: op } = await d.gql.query<{ node: BulkOperation | null }>(BULK_BY_ID, { id: opId });
  if (!op) {
    return {
      outcome: "retry",
      error: `Shopify does not know bulk operation ${opId}`,
      progress: { phase, step: "start" },
      connection: { outcome: "ok" },
    };
  }
  if (op.status === "COMPLETED") {
    if (!op.url) return advance(phase); // nothing to read: an empty shop
    return {
      outcome: "continue",
      progress: { phase, step: "read", op_id: op.id, url: op.url, line: 1 },
      connection: { outcome: "ok" },
    };
  }
  if (op.status === "FAILED" && op.errorCode === "ACCESS_DENIED") {
    throw new ProviderError("bad_request", `Shopify bulk operation ${op.id} failed: ACCESS_DENIED (missing scope)`);
  }
  if (["FAILED", "CANCELED", "EXPIRED"].includes(op.status)) {
    // a new operation for the phase
    return {
      outcome: "retry",
      error: `bulk operation ${op.id} ended ${op.status}${
        op.errorCode ? ` (${op.errorCode})` : ""
      }; starting the phase again`,
      progress: { phase, step: "start" },
      connection: { outcome: "ok" },
    };
  }
  return { outcome: "wait", nextAttemptAt: new Date(d.now() + POLL_MS), connection: { outcome: "ok" } };
}

function advance(phase: Phase): JobReport {
  const next = nextPhase(phase);
  return next
    ? { outcome: "continue", progress: { phase: next, step: "start" }, connection: { outcome: "ok" } }
    : { outcome: "done", progress: { phase, step: "read" }, connection: { outcome: "ok" } };
}

/** Streams the result from the saved line and applies it chunk by chunk until the end or the budget. */
async function read(
  d: BackfillDeps,
  job: Job,
  p: Required<Pick<BackfillProgress, "op_id" | "url" | "line" | "offset">> & { phase: Phase },
): Promise<JobReport> {
  const began = d.now();
  let res: Response;
  try {
    const headers: Record<string, string> = p.offset > 0 ? { range: `bytes=${p.offset}-` } : {};
    res = await d.fetch(p.url, { headers, signal: AbortSignal.timeout(60_000) });
  } catch {
    throw new ProviderError("retry_later", "the bulk operation's result could not be fetched");
  }
  if (res.status === 403 || res.status === 404 || res.status === 410) {
    // the signed URL expired: ask for the operation again (a new URL), from the same line
    await res.body?.cancel();
    return {
      outcome: "continue",
      progress: { phase: p.phase, step: "poll", op_id: p.op_id },
      connection: { outcome: "ok" },
    };
  }
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    throw new ProviderError("retry_later", `the bulk result answered ${res.status}`);
  }
  // The database applies one chunk while the next is read and grouped; chunks are applied in
  // order, each with the line after it as the saved progress.
  let applying: Promise<unknown> = Promise.resolve();
  // a ranged answer starts at the saved line; a whole file is read from its start, skipping
  const ranged = res.status === 206;
  const source = ranged ? lines(res.body, p.line, p.offset) : lines(res.body);
  for await (const b of batches(source, p.line, d.chunk)) {
    await applying;
    const progress = {
      phase: p.phase,
      step: "read",
      op_id: p.op_id,
      url: p.url,
      line: b.nextLine ?? b.linesSeen + 1,
      offset: b.nextOffset ?? 0,
    };
    applying = asService(
      d.sql,
      (tx) =>
        tx`select private.apply_shopify_bulk(${job.job_id}, ${job.lease_id}, ${p.phase}, ${tx.json(b.objects as never)},
          ${tx.json(b.rejected as never)}, ${tx.json(progress)})`,
    );
    applying.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
    if (b.nextLine === null) break;
    if (d.now() - began >= d.budgetMs) {
      await applying;
      await res.body.cancel().catch(() => {});
      return { outcome: "continue", progress, connection: { outcome: "ok" } };
    }
  }
  await applying;
  return advance(p.phase);
}

/** One turn of a backfill job: what to report for it. Provider failures are thrown (classified). */
export async function backfillTurn(d: BackfillDeps, job: Job): Promise<JobReport> {
  const p = job.progress ?? {};
  const phase: Phase = p.phase ?? "products";
  if (!p.step || p.step === "start") {
    if (!p.phase) await asService(d.sql, (tx) => touchJob(tx, job, { phase, step: "start" }));
    return await start(d, job, phase);
  }
  if (p.step === "poll" && p.op_id) return await poll(d, phase, p.op_id);
  if (p.step === "read" && p.op_id && p.url) {
    return await read(d, job, { phase, op_id: p.op_id, url: p.url, line: p.line ?? 1, offset: p.offset ?? 0 });
  }
  return { outcome: "continue", progress: { phase, step: "start" } };
}
