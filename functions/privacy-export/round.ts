// One round of the privacy worker: build and store pending export documents (SQL builds them,
// this stores them in the private data-exports bucket), then remove documents whose download
// window has passed or whose user was erased. Every outcome goes back to SQL.
import { asService, type Sql } from "../_shared/db.ts";
import { drain, perRow, type RoundResult as QueueRound } from "../_shared/queue_worker.ts";
import type { Storage } from "../_shared/storage.ts";

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
  const exports = perRow<Claimed, { bytes: number; error: string | null }>({
    claim: (limit) =>
      asService(
        d.sql,
        (tx) => tx`select request_id, bucket, object_path, document from private.claim_privacy_exports(${limit})`,
      ) as unknown as Promise<Claimed[]>,
    // One at a time: each document is built in memory.
    concurrency: 1,
    work: async (c) => {
      const body = JSON.stringify(c.document, null, 2);
      const bytes = new TextEncoder().encode(body).byteLength;
      try {
        await d.storage.put(c.bucket, c.object_path, body, "application/json");
        return { bytes, error: null };
      } catch (e) {
        return { bytes, error: (e as Error).message };
      }
    },
    finish: async (c, r) => {
      const [row] = await asService(
        d.sql,
        (tx) => tx`select private.finish_privacy_export(${c.request_id}, ${r.bytes}, ${r.error}) as status`,
      );
      return row.status === "completed" ? "exported" : row.status === "pending" ? "retrying" : "failed";
    },
  });
  const t = await drain(
    { sql: d.sql, name: "privacy-export", roundSize: d.limit ?? 5, budgetMs: 20_000 },
    async (limit): Promise<QueueRound> => {
      const r = await exports(limit);
      return { claimed: r.claimed, outcomes: { ...r.outcomes, removed: await removeExpired(d) } };
    },
  );
  return { exported: t.exported ?? 0, retrying: t.retrying ?? 0, failed: t.failed ?? 0, removed: t.removed ?? 0 };
}

/** Removes up to 100 documents whose download window passed or whose user was erased; how many. */
async function removeExpired(d: Deps): Promise<number> {
  const due = await asService(
    d.sql,
    (tx) => tx`select request_id, bucket, object_path from private.claim_export_removals(100)`,
  ) as unknown as Omit<Claimed, "document">[];
  if (!due.length) return 0;
  try {
    await d.storage.remove("data-exports", due.map((r) => r.object_path));
    const [row] = await asService(
      d.sql,
      (tx) => tx`select private.finish_export_removals(${due.map((r) => r.request_id)}::uuid[]) as n`,
    );
    return Number(row.n);
  } catch (e) {
    console.error("privacy-export: removing expired exports failed:", (e as Error).message);
    return 0;
  }
}
