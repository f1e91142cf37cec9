// Inbound webhooks: verify the signature on the raw body, then one SQL call that stores the
// event once and processes it in the same transaction.
import { hex, hmacSha256, sha256Hex, timingSafeEqual } from "../_shared/crypto.ts";
import { asService, literal, type Sql, withDeadline } from "../_shared/db.ts";
import { HttpError, readBytes, type Reply } from "../_shared/http.ts";
import type { Settings } from "../_shared/env.ts";
import { SHOP_DOMAIN } from "../_shared/providers.ts";
import { checkShopifyWebhook } from "./shopify_verify.ts";
import { Webhook, WebhookVerificationError } from "svix";

const encoder = new TextEncoder();
const concat = (prefix: string, body: Uint8Array): Uint8Array<ArrayBuffer> => {
  const p = encoder.encode(prefix);
  const out = new Uint8Array(p.byteLength + body.byteLength);
  out.set(p);
  out.set(body, p.byteLength);
  return out;
};

export const MAX_BODY_BYTES = 1_000_000;
export const REPLAY_WINDOW_S = 300;
/** Shopify gives up after 5 s: with the database down or stuck we answer 503 before that. */
export const DB_DEADLINE_MS = 3000;

export interface Deps {
  env: Settings;
  sql: Sql;
  now: () => number;
}

const decoder = new TextDecoder();

/** NUL has no place in a PostgreSQL string (jsonb refuses \u0000): each becomes U+FFFD. */
export function withoutNul(v: unknown): unknown {
  if (typeof v === "string") return v.includes("\u0000") ? v.replaceAll("\u0000", "\uFFFD") : v;
  if (Array.isArray(v)) return v.map(withoutNul);
  if (v && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [withoutNul(k) as string, withoutNul(x)]));
  }
  return v;
}

/**
 * The event body: a JSON object (anything else is a 400 that names what arrived). NUL
 * characters are replaced so a valid delivery is stored; the raw body's hash is kept as sent.
 */
export function parseEvent(raw: Uint8Array): Record<string, unknown> {
  let v: unknown;
  const text = decoder.decode(raw);
  try {
    v = JSON.parse(text);
  } catch {
    throw new HttpError(400, "invalid_json", "the body is not valid JSON; nothing was stored");
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    const kind = v === null ? "null" : Array.isArray(v) ? "an array" : `a ${typeof v}`;
    throw new HttpError(400, "invalid_event", `the body must be a JSON object, not ${kind}; nothing was stored`);
  }
  return (text.includes("\\u0000") ? withoutNul(v) : v) as Record<string, unknown>;
}

/** 200 for what is (or was already) taken in; 202 for what is kept but has nothing to do. */
function outcomeReply(outcome: string): Reply {
  if (outcome === "processed" || outcome === "accepted" || outcome === "duplicate") {
    return { status: 200, body: { status: outcome } };
  }
  return { status: 202, body: { status: outcome } };
}

/** Shopify, verified as @shopify/shopify-api verifies it (shopify_verify.ts); the webhook id deduplicates. */
export async function shopify(req: Request, d: Deps): Promise<Reply> {
  const raw = await readBytes(req, MAX_BODY_BYTES);
  const check = await checkShopifyWebhook(req.headers, raw, d.env.SHOPIFY_API_SECRET);
  if (!check.valid) {
    if (check.reason === "missing_headers") {
      throw new HttpError(400, "missing_headers", `required headers are missing: ${check.missingHeaders!.join(", ")}`);
    }
    throw new HttpError(
      401,
      "invalid_signature",
      check.reason === "missing_body" ? "the body is empty" : "the HMAC does not match the body",
    );
  }
  if (!SHOP_DOMAIN.test(check.shop)) {
    throw new HttpError(400, "invalid_headers", "X-Shopify-Shop-Domain is not a shop domain");
  }
  // The body goes to the database as sent unless it holds a NUL (then sanitized); either way it
  // must be a JSON object.
  const payload = parseEvent(raw);
  const text = decoder.decode(raw);
  const json = text.includes("\\u0000") ? JSON.stringify(payload) : text;
  const sha = await sha256Hex(raw);
  // Stored once, durably, in one statement (the function is the only thing it runs); processing
  // happens in batches after the answer (webhook-process). Sent whole, values as literals: with
  // parameters and prepare off, postgres.js first asks the server for their types (Parse,
  // Describe, wait) and only then binds and executes, two round trips per delivery where the
  // simple query protocol takes one.
  const [row] = await withDeadline(
    d.sql.unsafe(
      `select private.store_shopify_webhook(${literal(check.webhookId)}, ${literal(check.topic)}, ${
        literal(check.shop)
      }, ${literal(sha)}, ${literal(json)}::jsonb) as outcome`,
    ),
    DB_DEADLINE_MS,
  );
  return outcomeReply(row.outcome);
}

/** Mux: Mux-Signature "t=<unix>,v1=<hex HMAC-SHA256(secret, t.body)>", 5-minute tolerance. */
export async function mux(req: Request, d: Deps): Promise<Reply> {
  const raw = await readBytes(req, MAX_BODY_BYTES);
  const header = req.headers.get("mux-signature") ?? "";
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  const expected = d.env.MUX_WEBHOOK_SECRET && Number.isFinite(t)
    ? hex(await hmacSha256(d.env.MUX_WEBHOOK_SECRET, concat(`${parts.t}.`, raw)))
    : "";
  if (!expected || !parts.v1 || !timingSafeEqual(parts.v1, expected)) {
    throw new HttpError(401, "invalid_signature", "the signature does not match the body");
  }
  if (Math.abs(d.now() / 1000 - t) > REPLAY_WINDOW_S) {
    throw new HttpError(401, "stale_signature", "the signature timestamp is outside the 5-minute window");
  }
  const payload = parseEvent(raw) as { id?: string; type?: string };
  if (typeof payload?.id !== "string" || typeof payload?.type !== "string") {
    throw new HttpError(400, "invalid_event", "a Mux event has an id and a type");
  }
  return await store(d, "mux", payload.type, payload.id, raw, payload);
}

/**
 * Resend: delivery events signed by Svix (svix-id, svix-timestamp, svix-signature), verified
 * with the official svix library (which also refuses a timestamp more than 5 minutes off);
 * svix-id, the same on every retry of one message, deduplicates.
 */
export async function resend(req: Request, d: Deps): Promise<Reply> {
  const raw = await readBytes(req, MAX_BODY_BYTES);
  const id = req.headers.get("svix-id") ?? "";
  const headers = {
    "svix-id": id,
    "svix-timestamp": req.headers.get("svix-timestamp") ?? "",
    "svix-signature": req.headers.get("svix-signature") ?? "",
  };
  if (!headers["svix-id"] || !headers["svix-timestamp"] || !headers["svix-signature"]) {
    throw new HttpError(400, "missing_headers", "svix-id, svix-timestamp and svix-signature are required");
  }
  if (!d.env.RESEND_WEBHOOK_SECRET) throw new HttpError(401, "invalid_signature", "no webhook secret is configured");
  try {
    new Webhook(d.env.RESEND_WEBHOOK_SECRET).verify(decoder.decode(raw), headers);
  } catch (e) {
    if (!(e instanceof WebhookVerificationError)) throw e;
    const stale = /timestamp/i.test(e.message);
    throw new HttpError(
      401,
      stale ? "stale_signature" : "invalid_signature",
      stale ? "the signature timestamp is outside the 5-minute window" : "the signature does not match the body",
    );
  }
  const payload = parseEvent(raw) as { type?: string };
  if (typeof payload.type !== "string") throw new HttpError(400, "invalid_event", "a Resend event has a type");
  return await store(d, "resend", payload.type, id, raw, payload);
}

/** Tavus and Chatwoot sign nothing: their callback URL carries our token (?token=...). */
export async function tokenAuthed(req: Request, d: Deps, provider: "tavus" | "chatwoot"): Promise<Reply> {
  const expected = provider === "tavus" ? d.env.TAVUS_WEBHOOK_TOKEN : d.env.CHATWOOT_WEBHOOK_TOKEN;
  const query = new URL(req.url).searchParams;
  const given = query.get("token") ?? "";
  if (provider === "chatwoot" && /^[0-9a-f]{64}$/.test(given)) {
    // a workspace's own webhook token (private.connect_chatwoot): it names the workspace
    const [row] = await withDeadline(
      asService(d.sql, (tx) => tx`select private.chatwoot_workspace(${given}) as workspace_id`),
      DB_DEADLINE_MS,
    );
    if (row?.workspace_id) return await chatwootFor(req, d, row.workspace_id);
  }
  if (!expected || !timingSafeEqual(given, expected)) {
    throw new HttpError(401, "invalid_token", "unknown webhook token");
  }
  const raw = await readBytes(req, MAX_BODY_BYTES);
  const payload = parseEvent(raw);
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

/** A Chatwoot event for the workspace its URL's token names; ids are per Chatwoot instance, so prefixed with it. */
async function chatwootFor(req: Request, d: Deps, workspace: string): Promise<Reply> {
  const raw = await readBytes(req, MAX_BODY_BYTES);
  const payload = parseEvent(raw);
  const topic = String(payload.event ?? "event");
  // a message or a new conversation has its own id; a status change or update only names its
  // conversation, so the body (which carries the new state) identifies it
  const once = (topic === "message_created" || topic === "conversation_created") && payload.id !== undefined;
  const id = `${workspace}:${topic}:${once ? payload.id : await sha256Hex(raw)}`;
  return await store(d, "chatwoot", topic, id, raw, payload, workspace);
}

/** Stores a verified event once (by provider and event id); its AFTER INSERT triggers apply it. */
export async function store(
  d: Deps,
  provider: string,
  topic: string,
  id: string,
  raw: Uint8Array<ArrayBuffer>,
  payload: unknown,
  workspace: string | null = null,
) {
  const sha = await sha256Hex(raw);
  const [row] = await withDeadline(
    asService(
      d.sql,
      (tx) =>
        tx`select private.receive_webhook(${provider}, ${topic.slice(0, 128)}, ${id.slice(0, 255)}, ${sha},
      ${tx.json(payload as never)}, ${workspace}) as outcome`,
    ),
    DB_DEADLINE_MS,
  );
  return outcomeReply(row.outcome);
}
