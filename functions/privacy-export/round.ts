// One round of the privacy worker: build and store pending export documents (SQL builds them,
// this stores them in the private data-exports bucket), then remove documents whose download
// window has passed or whose user was erased. Every outcome goes back to SQL.
import { asService, type Sql } from "../_shared/db.ts";
import { drain, type RoundResult as QueueRound } from "../_shared/queue_worker.ts";
import type { Storage } from "./storage.ts";

export interface Deps {
  sql: Sql;
  storage: Storage;
  /** Exports per round (each document is built in memory). */
  limit?: number;
}

export interface RoundResult {
  exported: number;
  retrying: number;
  failed: number;
  removed: number;
}

interface Claimed {
  request_id: string;
  bucket: string;
  object_path: string;
  document: unknown;
}

/** Rounds until no export is pending (or 20 s pass): each builds and stores up to `limit` exports. */
export async function runRound(d: Deps): Promise<RoundResult> {
  const t = await drain(
    { sql: d.sql, name: "privacy-export", roundSize: d.limit ?? 5, budgetMs: 20_000 },
    (limit) => exportRound(d, limit),
  );
  return { exported: t.exported ?? 0, retrying: t.retrying ?? 0, failed: t.failed ?? 0, removed: t.removed ?? 0 };
}

async function exportRound(d: Deps, limit: number): Promise<QueueRound> {
  const totals = { exported: 0, retrying: 0, failed: 0, removed: 0 };
  const claimed = await asService(
    d.sql,
    (tx) => tx`select request_id, bucket, object_path, document from private.claim_privacy_exports(${limit})`,
  ) as unknown as Claimed[];
  for (const c of claimed) {
    const body = JSON.stringify(c.document, null, 2);
    let error: string | null = null;
    try {
      await d.storage.put(c.bucket, c.object_path, body, "application/json");
    } catch (e) {
      error = (e as Error).message;
    }
    const bytes = new TextEncoder().encode(body).byteLength;
    const [row] = await asService(
      d.sql,
      (tx) => tx`select private.finish_privacy_export(${c.request_id}, ${bytes}, ${error}) as status`,
    );
    if (row.status === "completed") totals.exported++;
    else if (row.status === "pending") totals.retrying++;
    else totals.failed++;
  }

  const due = await asService(
    d.sql,
    (tx) => tx`select request_id, bucket, object_path from private.claim_export_removals(100)`,
  ) as unknown as Omit<Claimed, "document">[];
  if (due.length) {
    try {
      await d.storage.remove("data-exports", due.map((r) => r.object_path));
      const [row] = await asService(
        d.sql,
        (tx) => tx`select private.finish_export_removals(${due.map((r) => r.request_id)}::uuid[]) as n`,
      );
      totals.removed = Number(row.n);
    } catch (e) {
      console.error("privacy-export: removing expired exports failed:", (e as Error).message);
    }
  }
  return { claimed: claimed.length, outcomes: totals };
}
