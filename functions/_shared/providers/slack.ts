// Slack's Web API on the shared provider client: form-encoded POSTs to <SLACK_API_URL>/<method>
// with the bot token, answers { ok, error, ... } with HTTP 200 even for failures, cursor paging
// (response_metadata.next_cursor) and per-method rate limits (HTTP 429 with Retry-After).
// Slack's own error codes are classified here: an invalid or revoked token needs a reconnect,
// ratelimited waits, internal errors retry, anything else is a refusal.
import { type Answer, type Client, providerClient, ProviderError, type ProviderHttp } from "./http.ts";

const TOKEN_ERRORS = new Set([
  "invalid_auth",
  "not_authed",
  "token_revoked",
  "token_expired",
  "account_inactive",
  "no_permission",
]);
const RETRY_ERRORS = new Set(["internal_error", "fatal_error", "service_unavailable", "request_timeout"]);

export function classifySlack(a: Answer, now: number): ProviderError | null {
  if (a.status === 429) return null; // the status rule: throttled until Retry-After
  const b = a.body as { ok?: boolean; error?: string } | null;
  if (a.status !== 200 || !b || typeof b !== "object" || b.ok !== false) return null;
  const what = `Slack answered ${b.error ?? "not ok"}`;
  if (b.error === "ratelimited") {
    return new ProviderError("throttled", what, { retryAt: new Date(now + 30_000), providerCode: b.error });
  }
  if (TOKEN_ERRORS.has(b.error ?? "")) return new ProviderError("token_invalid", what, { providerCode: b.error });
  if (RETRY_ERRORS.has(b.error ?? "")) return new ProviderError("retry_later", what, { providerCode: b.error });
  return new ProviderError("bad_request", what, { providerCode: b.error });
}

export function slackClient(o: { baseUrl: string; timeoutMs?: number; http: ProviderHttp }): Client {
  return providerClient({
    name: "Slack",
    baseUrl: o.baseUrl,
    timeoutMs: o.timeoutMs ?? 10_000,
    http: o.http,
    classify: classifySlack,
  });
}

/** The bot token as Slack wants it. */
export const slackAuth = (token: string) => ({ authorization: `Bearer ${token}` });

export interface SlackPage<T> {
  items: T[];
  next: string | null;
}

/** One page of a cursor-paged list method (users.list, conversations.list). */
export async function slackPage<T>(
  c: Client,
  method: string,
  key: string,
  params: Record<string, string>,
  cursor: string | null,
): Promise<SlackPage<T>> {
  const r = await c.call<Record<string, unknown>>({
    method: "POST",
    path: method,
    form: { limit: "200", ...params, ...(cursor ? { cursor } : {}) },
  });
  const next = (r.body.response_metadata as { next_cursor?: string } | undefined)?.next_cursor;
  return { items: (r.body[key] as T[]) ?? [], next: next ? next : null };
}

/** chat.postMessage, or chat.update when the message exists; the message's channel and ts. */
export async function postOrUpdate(
  c: Client,
  m: { channel: string; ts: string | null; text: string; blocks: unknown },
): Promise<{ channel: string; ts: string }> {
  const r = await c.call<{ channel: string; ts: string }>({
    method: "POST",
    path: m.ts ? "chat.update" : "chat.postMessage",
    json: { channel: m.channel, text: m.text, blocks: m.blocks, ...(m.ts ? { ts: m.ts } : {}) },
  });
  return { channel: r.body.channel ?? m.channel, ts: r.body.ts ?? m.ts! };
}
