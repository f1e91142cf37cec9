// Slack for the approval executor (email campaigns and Chatwoot replies go through h/messaging's
// email sender and chatwoot queue).
//   Slack: chat.postMessage with the key in the message's metadata; found again with
//     conversations.history (include_all_metadata). Errors arrive as 200 {ok: false, error}.
import type { Settings } from "../env.ts";
import { type Answer, type Client, providerClient, ProviderError, type ProviderHttp } from "./http.ts";

// ===== Slack
const SLACK_TOKEN = new Set(["invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive"]);
const SLACK_RETRY = new Set(["internal_error", "fatal_error", "service_unavailable", "request_timeout"]);

export function classifySlack(a: Answer, now: number): ProviderError | null {
  const b = a.body as { ok?: boolean; error?: string } | null;
  if (!b || typeof b !== "object" || b.ok !== false) return null;
  const what = `Slack: ${b.error ?? "not ok"}`;
  if (b.error === "ratelimited") {
    const s = Number(a.headers.get("retry-after") ?? "30");
    return new ProviderError("throttled", what, {
      status: a.status,
      retryAt: new Date(now + s * 1000),
      providerCode: b.error,
    });
  }
  if (SLACK_TOKEN.has(b.error ?? "")) {
    return new ProviderError("token_invalid", what, { status: a.status, providerCode: b.error });
  }
  if (SLACK_RETRY.has(b.error ?? "")) {
    return new ProviderError("retry_later", what, { status: a.status, providerCode: b.error });
  }
  return new ProviderError("bad_request", what, { status: a.status, providerCode: b.error });
}

export function slackClient(s: Settings, http: ProviderHttp): Client {
  return providerClient({
    name: "Slack",
    baseUrl: s.SLACK_API_URL,
    timeoutMs: s.ACTIONS_API_TIMEOUT_MS,
    http,
    classify: classifySlack,
  });
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const EVENT_TYPE = "growthbase_approved_action";

export async function slackPost(client: Client, channel: string, text: string, key: string) {
  const r = await client.call<{ ts: string; channel: string }>({
    method: "POST",
    path: "chat.postMessage",
    json: { channel, text, metadata: { event_type: EVENT_TYPE, event_payload: { idempotency_key: key } } },
  });
  return { channel: r.body.channel, ts: r.body.ts };
}

export async function slackFindPosted(client: Client, channel: string, key: string, oldest: Date) {
  const r = await client.call<
    { messages?: { ts: string; metadata?: { event_type?: string; event_payload?: { idempotency_key?: string } } }[] }
  >({
    path: "conversations.history",
    query: { channel, oldest: (oldest.getTime() / 1000 - 60).toFixed(6), include_all_metadata: true, limit: 200 },
  });
  const m = (r.body.messages ?? []).find((x) =>
    x.metadata?.event_type === EVENT_TYPE && x.metadata.event_payload?.idempotency_key === key
  );
  return m ? { channel, ts: m.ts } : null;
}
