// Resend through its official SDK (npm:resend, which runs under Deno: it only needs fetch): single
// sends and the batch endpoint (up to 100 emails), each call with our Idempotency-Key, so a call
// repeated with the same key and emails is answered with the first call's ids instead of sending
// again. The SDK does not throw: it answers { data, error, headers }, and this file classifies the
// error the way providers/http.ts classifies every provider:
//   429 rate_limit_exceeded / daily_quota_exceeded   throttled until retry-after (or ratelimit-reset)
//   409 concurrent_idempotent_requests, 5xx, network  retry_later (the same key is sent again)
//   409 invalid_idempotent_request, other 4xx         bad_request (a dead letter)
//   401/403 (our API key)                             retry_later: every email would fail alike
import { Resend } from "resend";
import { ProviderError, retryAfter } from "./http.ts";

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  html?: string | null;
  text?: string | null;
  replyTo?: string | null;
  headers?: Record<string, string>;
  /** Resend tags (name/value: ASCII letters, digits, _ and -); delivery events carry them back. */
  tags?: { name: string; value: string }[];
}

export interface EmailProvider {
  /** Sends one email or a batch (batch endpoint) under one idempotency key; Resend's ids in order. */
  send(emails: OutgoingEmail[], o: { idempotencyKey: string; batch: boolean }): Promise<string[]>;
}

interface SdkError {
  name?: string;
  message?: string;
  statusCode?: number | null;
}

/** A Resend error answer as a ProviderError (exported for tests). */
export function classifyResendError(
  e: SdkError,
  headers: Record<string, string> | null,
  now: number,
): ProviderError {
  const status = e.statusCode ?? (e.name === "rate_limit_exceeded" ? 429 : undefined);
  const what = `Resend answered ${status ?? "nothing"}${e.name ? ` (${e.name})` : ""}: ${e.message ?? ""}`.slice(
    0,
    500,
  );
  const h = new Headers(headers ?? {});
  if (status === 429 || e.name === "rate_limit_exceeded" || e.name === "daily_quota_exceeded") {
    const reset = Number(h.get("ratelimit-reset"));
    const retryAt = retryAfter(h, now) ??
      (Number.isFinite(reset) && reset > 0 ? new Date(now + reset * 1000) : new Date(now + 1000));
    return new ProviderError("throttled", what, { status: 429, retryAt, providerCode: e.name });
  }
  if (status === undefined || status === null || status >= 500 || status === 408 || status === 401 || status === 403) {
    return new ProviderError("retry_later", what, { status: status ?? undefined, providerCode: e.name });
  }
  if (status === 409 && e.name === "concurrent_idempotent_requests") {
    return new ProviderError("retry_later", what, { status, providerCode: e.name });
  }
  return new ProviderError("bad_request", what, { status, providerCode: e.name });
}

export function resendProvider(o: {
  apiKey: string;
  baseUrl: string;
  timeoutMs: number;
  now: () => number;
}): EmailProvider {
  const client = new Resend(o.apiKey || "re_missing", { baseUrl: o.baseUrl.replace(/\/$/, "") });
  const payload = (e: OutgoingEmail) => ({
    from: e.from,
    to: [e.to],
    subject: e.subject,
    html: e.html ?? undefined,
    text: e.text ?? undefined,
    replyTo: e.replyTo ?? undefined,
    headers: e.headers && Object.keys(e.headers).length ? e.headers : undefined,
    tags: e.tags,
  });
  return {
    async send(emails, { idempotencyKey, batch }) {
      if (!emails.length) return [];
      // the SDK hands its options to fetch: the signal bounds the call
      const options = { idempotencyKey, signal: AbortSignal.timeout(o.timeoutMs) };
      const r = batch
        ? await client.batch.send(emails.map(payload) as never, options as never)
        : await client.emails.send(payload(emails[0]) as never, options as never);
      if (r.error) throw classifyResendError(r.error as SdkError, r.headers as Record<string, string> | null, o.now());
      const data = r.data as { id?: string; data?: { id: string }[] } | null;
      const ids = batch ? (data?.data ?? []).map((x) => x.id) : data?.id ? [data.id] : [];
      if (ids.length !== emails.length) {
        throw new ProviderError("retry_later", `Resend answered ${ids.length} ids for ${emails.length} emails`);
      }
      return ids;
    },
  };
}
