// Outbound webhook worker: claims due deliveries, signs each with the Standard Webhooks scheme
// (webhook-id, webhook-timestamp, webhook-signature), POSTs it and reports the outcome to SQL,
// which schedules retries with backoff and jitter, dead-letters and disables endpoints.
import { standardWebhookSignature } from "../_shared/crypto.ts";
import { asService, type Sql } from "../_shared/db.ts";
import type { Reply } from "../_shared/http.ts";
import type { AuthConfig } from "../_shared/auth.ts";
import { acceptWorkerCall, drain, perRow } from "../_shared/queue_worker.ts";

export interface Deps {
  sql: Sql;
  auth: AuthConfig;
  production: boolean;
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

/**
 * In production an endpoint must be https and must not name this network: no localhost, no
 * loopback, private, link-local or unique-local address literals (a customer's URL must not
 * reach our own services). Hostnames that resolve to such addresses are not caught here.
 */
export function refusedInProduction(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return "not a URL";
  }
  if (u.protocol !== "https:") return "not https";
  const host = u.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal")) return "internal host";
  const v4 = host.match(/^(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    if (
      a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)
    ) return "private address";
  }
  if (
    host.includes(":") &&
    (host === "::1" || host === "::" || /^f[cd]/.test(host) || /^fe[89ab]/.test(host) || host.startsWith("::ffff:"))
  ) return "private address";
  return null;
}

const ROUND = 50;

export async function deliver(
  c: Claimed,
  d: Pick<Deps, "production" | "fetch" | "now">,
): Promise<{ code: number | null; error: string | null }> {
  const refused = d.production ? refusedInProduction(c.url) : null;
  if (refused) return { code: null, error: `refused: ${refused}` };
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
    return { code: res.status, error: res.ok ? null : `HTTP ${res.status}` };
  } catch (e) {
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
