// Inbound webhooks: verify the signature on the raw body, then one SQL call that stores the
// event once and processes it in the same transaction.
import { hex, hmacSha256, sha256Hex, timingSafeEqual, toBase64 } from "../_shared/crypto.ts";
import { asService, type Sql } from "../_shared/db.ts";
import { HttpError, readText, type Reply } from "../_shared/http.ts";
import { type ProviderEnv, SHOP_DOMAIN } from "../_shared/providers.ts";

export const MAX_BODY_BYTES = 1_000_000;
export const REPLAY_WINDOW_S = 300;

export interface Deps {
  env: ProviderEnv;
  sql: Sql;
  now: () => number;
}

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError(400, "invalid_json", "the body is not valid JSON; nothing was stored");
  }
}

function outcomeReply(outcome: string): Reply {
  if (outcome === "processed" || outcome === "duplicate") return { status: 200, body: { status: outcome } };
  return { status: 202, body: { status: outcome } };
}

/** Shopify: X-Shopify-Hmac-Sha256 = base64 HMAC-SHA256(app secret, raw body); id deduplicates. */
export async function shopify(req: Request, d: Deps): Promise<Reply> {
  const raw = await readText(req, MAX_BODY_BYTES);
  const given = req.headers.get("x-shopify-hmac-sha256") ?? "";
  const expected = d.env.SHOPIFY_API_SECRET ? toBase64(await hmacSha256(d.env.SHOPIFY_API_SECRET, raw)) : "";
  if (!given || !expected || !timingSafeEqual(given, expected)) {
    throw new HttpError(401, "invalid_signature", "the HMAC does not match the body");
  }
  const topic = req.headers.get("x-shopify-topic") ?? "";
  const shop = req.headers.get("x-shopify-shop-domain") ?? "";
  const id = req.headers.get("x-shopify-webhook-id") ?? "";
  if (!topic || !id || !SHOP_DOMAIN.test(shop)) {
    throw new HttpError(
      400,
      "invalid_headers",
      "X-Shopify-Topic, X-Shopify-Shop-Domain and X-Shopify-Webhook-Id are required",
    );
  }
  const payload = parse(raw);
  const sha = await sha256Hex(raw);
  const [row] = await asService(
    d.sql,
    (tx) =>
      tx`select private.receive_shopify_webhook(${id}, ${topic}, ${shop}, ${sha}, ${
        tx.json(payload as never)
      }) as outcome`,
  );
  return outcomeReply(row.outcome);
}

/** Mux: Mux-Signature "t=<unix>,v1=<hex HMAC-SHA256(secret, t.body)>", 5-minute tolerance. */
export async function mux(req: Request, d: Deps): Promise<Reply> {
  const raw = await readText(req, MAX_BODY_BYTES);
  const header = req.headers.get("mux-signature") ?? "";
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  const expected = d.env.MUX_WEBHOOK_SECRET && Number.isFinite(t)
    ? hex(await hmacSha256(d.env.MUX_WEBHOOK_SECRET, `${parts.t}.${raw}`))
    : "";
  if (!expected || !parts.v1 || !timingSafeEqual(parts.v1, expected)) {
    throw new HttpError(401, "invalid_signature", "the signature does not match the body");
  }
  if (Math.abs(d.now() / 1000 - t) > REPLAY_WINDOW_S) {
    throw new HttpError(401, "stale_signature", "the signature timestamp is outside the 5-minute window");
  }
  const payload = parse(raw) as { id?: string; type?: string };
  if (typeof payload?.id !== "string" || typeof payload?.type !== "string") {
    throw new HttpError(400, "invalid_event", "a Mux event has an id and a type");
  }
  return await store(d, "mux", payload.type, payload.id, raw, payload);
}

/** Tavus and Chatwoot sign nothing: their callback URL carries our token (?token=...). */
export async function tokenAuthed(req: Request, d: Deps, provider: "tavus" | "chatwoot"): Promise<Reply> {
  const expected = provider === "tavus" ? d.env.TAVUS_WEBHOOK_TOKEN : d.env.CHATWOOT_WEBHOOK_TOKEN;
  const query = new URL(req.url).searchParams;
  const given = query.get("token") ?? "";
  if (!expected || !timingSafeEqual(given, expected)) {
    throw new HttpError(401, "invalid_token", "unknown webhook token");
  }
  const raw = await readText(req, MAX_BODY_BYTES);
  const payload = parse(raw) as Record<string, unknown>;
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    throw new HttpError(400, "invalid_event", "the event must be a JSON object");
  }
  const sha = await sha256Hex(raw);
  // Tavus events have no id: the body's hash is the idempotency key (seed 004's event_hash).
  const topic = String(
    provider === "tavus" ? payload.event_type ?? payload.message_type ?? "event" : payload.event ?? "event",
  );
  const id = provider === "chatwoot" && payload.id !== undefined ? `${topic}:${payload.id}` : sha;
  // Our callback URL names the workspace a conversation belongs to.
  const workspace = query.get("workspace");
  if (workspace !== null && !/^[0-9a-f-]{36}$/i.test(workspace)) {
    throw new HttpError(400, "invalid_workspace", "workspace must be a uuid");
  }
  return await store(d, provider, topic, id, raw, payload, workspace);
}

async function store(
  d: Deps,
  provider: string,
  topic: string,
  id: string,
  raw: string,
  payload: unknown,
  workspace: string | null = null,
) {
  const sha = await sha256Hex(raw);
  const [row] = await asService(
    d.sql,
    (tx) =>
      tx`select private.receive_webhook(${provider}, ${topic.slice(0, 128)}, ${id.slice(0, 255)}, ${sha},
      ${tx.json(payload as never)}, ${workspace}) as outcome`,
  );
  return outcomeReply(row.outcome);
}
