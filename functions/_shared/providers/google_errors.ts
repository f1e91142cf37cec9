// Google APIs' error answers (Search Console, PageSpeed Insights): {error: {code, message, status,
// details: [{@type: ...RetryInfo, retryDelay: "37s"}, {@type: ...ErrorInfo, reason}], errors: [{reason}]}}.
//   RESOURCE_EXHAUSTED (429) and the legacy 403 reasons rateLimitExceeded, userRateLimitExceeded,
//     quotaExceeded, dailyLimitExceeded: throttled until RetryInfo's retryDelay, else Retry-After,
//     else an hour for a daily quota and a minute otherwise
//   UNAUTHENTICATED (401), PERMISSION_DENIED (403: access to the property or API withdrawn) and an
//     API key Google refuses (API_KEY_INVALID): token_invalid, which the connector records as
//     reauth_required once a refresh did not help
//   UNAVAILABLE, INTERNAL, DEADLINE_EXCEEDED, ABORTED (5xx): retry later
// Anything else falls through to the status rules of http.ts.
import { type Answer, ProviderError, retryAfter } from "./http.ts";

interface GoogleError {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    details?: { "@type"?: string; retryDelay?: string; reason?: string }[];
    errors?: { reason?: string; message?: string }[];
  };
}

const RATE_REASONS = new Set(["rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded", "dailyLimitExceeded"]);
const RETRY_STATUSES = new Set(["UNAVAILABLE", "INTERNAL", "DEADLINE_EXCEEDED", "ABORTED"]);

/** RetryInfo's retryDelay ("37s", "1.500s") in milliseconds; null without one. */
export function retryDelayMs(details: { "@type"?: string; retryDelay?: string }[] | undefined): number | null {
  for (const d of details ?? []) {
    if (!d["@type"]?.endsWith("google.rpc.RetryInfo")) continue;
    const m = /^(\d+(?:\.\d+)?)s$/.exec(d.retryDelay ?? "");
    if (m) return Math.ceil(Number(m[1]) * 1000);
  }
  return null;
}

export function classifyGoogle(name: string, a: Answer, now: number): ProviderError | null {
  const e = (a.body as GoogleError | null)?.error;
  if (!e || typeof e !== "object" || a.status < 400) return null;
  const reasons = [
    ...(e.details ?? []).map((d) => d.reason),
    ...(e.errors ?? []).map((x) => x.reason),
  ].filter((r): r is string => !!r);
  const what = `${name} ${e.code ?? a.status} ${e.status ?? reasons[0] ?? ""}: ${e.message ?? "no message"}`.replace(
    /\s+:/,
    ":",
  );
  const provider = { status: a.status, providerCode: e.status ?? reasons[0] };
  if (e.status === "RESOURCE_EXHAUSTED" || a.status === 429 || reasons.some((r) => RATE_REASONS.has(r))) {
    const daily = reasons.includes("dailyLimitExceeded") || /per day/i.test(e.message ?? "");
    const wait = retryDelayMs(e.details) ??
      (retryAfter(a.headers, now)?.getTime() ?? now + (daily ? 3_600_000 : 60_000)) - now;
    return new ProviderError("throttled", what, { ...provider, retryAt: new Date(now + wait) });
  }
  if (
    e.status === "UNAUTHENTICATED" || e.status === "PERMISSION_DENIED" || a.status === 401 || a.status === 403 ||
    reasons.includes("API_KEY_INVALID")
  ) {
    return new ProviderError("token_invalid", what, provider);
  }
  if ((e.status && RETRY_STATUSES.has(e.status)) || a.status >= 500) {
    return new ProviderError("retry_later", what, { ...provider, retryAt: retryAfter(a.headers, now) ?? undefined });
  }
  return new ProviderError("bad_request", what, provider);
}
