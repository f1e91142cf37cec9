// What the Shopify connector flows share: installing a shop through the oauth function (start, then
// the signed callback, as Shopify redirects the browser), signed webhooks, calling a worker with
// the secret key, making a waiting job due at once (instead of sleeping out its backoff), and
// waiting for a state with a deadline.
import { createHmac, randomUUID } from "node:crypto";
import type postgres from "postgres";
import { localIntegrationEnv } from "../../scripts/lib/gateway.ts";
import { api, config, serviceKey } from "./stack.ts";

const env = localIntegrationEnv(config);

/** Polls until fn returns something other than undefined, for up to `ms`. */
export async function waitFor<T>(fn: () => T | undefined | Promise<T | undefined>, ms = 15_000, what = "a state"): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An admin installs the app on `shop` for `workspaceId`: oauth/start, then Shopify's signed callback. */
export async function installShop(adminJwt: string, workspaceId: string, shop: string): Promise<Response> {
  const fn = `${api}/functions/v1/oauth`;
  const r = await fetch(`${fn}/start`, {
    method: "POST",
    headers: { authorization: `Bearer ${adminJwt}`, "content-type": "application/json" },
    body: JSON.stringify({ workspaceId, provider: "shopify", shop, redirectTo: "/done" }),
  });
  const { url } = await r.json() as { url: string };
  const cookie = (r.headers.get("set-cookie") ?? "").split(";")[0];
  const q = new URLSearchParams({
    code: "the-code",
    shop,
    state: new URL(url).searchParams.get("state")!,
    timestamp: String(Math.floor(Date.now() / 1000)),
  });
  const sorted = new URLSearchParams([...q.entries()].sort(([a], [b]) => a.localeCompare(b)));
  q.set("hmac", createHmac("sha256", env.SHOPIFY_API_SECRET).update(sorted.toString()).digest("hex"));
  return await fetch(`${fn}/callback/shopify?${q}`, { redirect: "manual", headers: { cookie } });
}

/** Delivers a webhook as Shopify signs it (HMAC of the raw body with the app secret). */
export function shopifyWebhook(shop: string, topic: string, payload: unknown, id = randomUUID()) {
  const body = JSON.stringify(payload);
  return fetch(`${api}/functions/v1/webhooks/shopify`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": topic,
      "x-shopify-shop-domain": shop,
      "x-shopify-webhook-id": id,
      "x-shopify-api-version": "2025-01",
      "x-shopify-hmac-sha256": createHmac("sha256", env.SHOPIFY_API_SECRET).update(body).digest("base64"),
    },
    body,
  });
}

/** Calls a worker function as the database does (secret key); its JSON answer. */
export async function callWorker(name: string, body: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const key = await serviceKey();
  const r = await fetch(`${api}/functions/v1/${name}`, {
    method: "POST",
    headers: { apikey: key, authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = await r.json();
  if (r.status !== 200) throw new Error(`${name} answered ${r.status}: ${JSON.stringify(json)}`);
  return json;
}

/** Makes the workspace's waiting jobs of a queue due now (and its connections callable), as time passing would. */
export async function nudge(sql: postgres.Sql, workspaceId: string, queue: string) {
  await sql`update private.connector_jobs set next_attempt_at = now()
            where workspace_id = ${workspaceId} and queue = ${queue} and status = 'queued' and next_attempt_at > now()`;
  await sql`update public.integration_connections set throttled_until = null
            where workspace_id = ${workspaceId} and throttled_until > now()`;
}
