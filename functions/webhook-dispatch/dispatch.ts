// Outbound webhook worker: claims due deliveries, signs each with the Standard Webhooks scheme
// (webhook-id, webhook-timestamp, webhook-signature), POSTs it through the outbound-address guard
// (_shared/outbound.ts: the endpoint's host resolved and checked at delivery time, the checked
// address connected to, no redirect followed) and reports the outcome to SQL, which schedules
// retries with backoff and jitter, dead-letters and disables endpoints.
import { standardWebhookSignature } from "../_shared/crypto.ts";
import { asService, type Sql } from "../_shared/db.ts";
import type { Reply } from "../_shared/http.ts";
import type { AuthConfig } from "../_shared/auth.ts";
import { OutboundRefused } from "../_shared/outbound.ts";
import { acceptWorkerCall, drain, perRow } from "../_shared/queue_worker.ts";

export interface Deps {
  sql: Sql;
  auth: AuthConfig;
  /** The outbound-address guard's fetch (guardedFetch): checked, resolved, pinned, no redirects. */
  fetch: typeof fetch;
  now: () => number;
}

export interface Claimed {
  id: string;
  message_id: string;
  url: string;
  secret: string;
  event_type: string;
  payload: unknown;
  attempts: number;
}

const ROUND = 50;

export async function deliver(
  c: Claimed,
  d: Pick<Deps, "fetch" | "now">,
): Promise<{ code: number | null; error: string | null }> {
  const body = JSON.stringify(c.payload);
  const ts = Math.floor(d.now() / 1000);
  try {
    const res = await d.fetch(c.url, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/json",
        "webhook-id": c.message_id,
        "webhook-timestamp": String(ts),
        "webhook-signature": await standardWebhookSignature(c.secret, c.message_id, ts, body),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    await res.body?.cancel();
    // A redirect is an answer, not an instruction: it is never followed, and counts as a failure.
    return { code: res.status, error: res.ok ? null : `HTTP ${res.status}` };
  } catch (e) {
    if (e instanceof OutboundRefused) return { code: null, error: e.message };
    return { code: null, error: (e as Error).name === "TimeoutError" ? "timeout after 10 s" : "connection failed" };
  }
}

/** Rounds of up to 50 deliveries until none is due or 20 s have passed (a backlog drains in one call). */
export async function dispatch(req: Request, d: Deps): Promise<Reply> {
  await acceptWorkerCall(req, d.auth);
  const totals = await drain(
    { sql: d.sql, name: "webhook-dispatch", roundSize: ROUND, budgetMs: 20_000, now: d.now },
    perRow({
      claim: (limit) =>
        asService(d.sql, (tx) => tx`select * from private.claim_webhook_deliveries(${limit})`) as Promise<
          Claimed[]
        >,
      work: (c) => deliver(c, d),
      finish: async (c, r) => {
        const [row] = await asService(
          d.sql,
          (tx) => tx`select private.finish_webhook_delivery(${c.id}, ${r.code}, ${r.error}) as status`,
        );
        return row.status as string;
      },
    }),
  );
  return {
    status: 200,
    body: {
      claimed: totals.claimed,
      succeeded: totals.succeeded ?? 0,
      retrying: totals.pending ?? 0,
      dead: totals.dead ?? 0,
    },
  };
}
