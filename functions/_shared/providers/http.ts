// The base every provider client is built on: fetch against a base URL from configuration, with
// a timeout, JSON in and out, and every failure classified the way the queues act on it:
//   retry_later    timeouts, connection failures, 5xx, 408: the job retries with backoff
//   throttled      429 (Retry-After), or the provider's own signal: wait until `retryAt`
//   token_invalid  401, or the provider's own signal: refresh once, then reauth_required
//   bad_request    any other refusal: retrying would send the same thing; the job is dead
// A provider file adds the rules only it knows (error codes in the body, usage headers) as a
// `classify` function, consulted before the status code. The kinds are SQL's
// private.provider_call_outcome, which records them per connection.

export type FailureKind = "retry_later" | "throttled" | "token_invalid" | "bad_request";

export class ProviderError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly details: {
      status?: number;
      retryAt?: Date;
      providerCode?: string | number;
      /** The work must start over (a report the provider gave up on): the saved cursor is dropped. */
      restart?: boolean;
    } = {},
  ) {
    super(message);
    this.name = "ProviderError";
  }
}

export interface ProviderHttp {
  fetch: typeof fetch;
  now: () => number;
}

/** A provider's answer as classify sees it: the status, headers and body (parsed JSON, else text). */
export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface ClientOptions {
  /** For messages: "Meta", "Google Ads" ... */
  name: string;
  /** Where the provider lives (configuration: tests point it at a fake on 127.0.0.1). */
  baseUrl: string;
  timeoutMs: number;
  http: ProviderHttp;
  /** Provider rules, consulted first: a ProviderError for a failure the body or headers show, else null. */
  classify?: (a: Answer, now: number) => ProviderError | null;
  /** Headers every call carries (authentication is per call: tokens differ per connection). */
  headers?: Record<string, string>;
  /** Called once per request sent (API call counters). */
  onCall?: () => void;
}

export interface Call {
  method?: "GET" | "POST" | "DELETE";
  /** A path under the base URL, or an absolute URL on the base URL's origin (a provider's "next" link). */
  path: string;
  query?: Record<string, string | number | boolean | undefined | null>;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  timeoutMs?: number;
}

export interface Client {
  readonly name: string;
  /** Sends a call; resolves with a 2xx answer that passed the provider's rules, else throws ProviderError. */
  call<T = unknown>(c: Call): Promise<Answer & { body: T }>;
}

/** Seconds or an HTTP date in Retry-After, as the time to wait until; null when absent or malformed. */
export function retryAfter(headers: Headers, now: number): Date | null {
  const v = headers.get("retry-after")?.trim();
  if (!v) return null;
  if (/^\d+(\.\d+)?$/.test(v)) return new Date(now + Math.ceil(Number(v) * 1000));
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(Math.max(t, now));
}

/** Joins a base URL and a path, or checks that an absolute URL stays on the base URL's origin. */
export function resolveUrl(baseUrl: string, path: string): URL {
  const base = new URL(baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  if (/^https?:\/\//i.test(path)) {
    const u = new URL(path);
    if (u.origin !== base.origin) throw new ProviderError("bad_request", `a link to another origin: ${u.origin}`);
    return u;
  }
  return new URL(path.replace(/^\//, ""), base);
}

/** The classification of an answer by its status alone (after the provider's own rules). */
export function classifyStatus(name: string, a: Answer, now: number): ProviderError | null {
  if (a.status >= 200 && a.status < 300) return null;
  const what = `${name} answered ${a.status}${summary(a.body)}`;
  if (a.status === 429) {
    return new ProviderError("throttled", what, {
      status: a.status,
      retryAt: retryAfter(a.headers, now) ?? new Date(now + 60_000),
    });
  }
  if (a.status === 401) return new ProviderError("token_invalid", what, { status: a.status });
  if (a.status === 408 || a.status >= 500) {
    return new ProviderError("retry_later", what, {
      status: a.status,
      retryAt: retryAfter(a.headers, now) ?? undefined,
    });
  }
  return new ProviderError("bad_request", what, { status: a.status });
}

function summary(body: unknown): string {
  if (body === null || body === undefined || body === "") return "";
  const s = typeof body === "string" ? body : JSON.stringify(body);
  return `: ${s.length > 300 ? `${s.slice(0, 300)}...` : s}`;
}

export function providerClient(o: ClientOptions): Client {
  return {
    name: o.name,
    async call<T>(c: Call) {
      const url = resolveUrl(o.baseUrl, c.path);
      for (const [k, v] of Object.entries(c.query ?? {})) {
        if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
      }
      const headers: Record<string, string> = { accept: "application/json", ...o.headers, ...c.headers };
      let body: string | undefined;
      if (c.json !== undefined) {
        headers["content-type"] = "application/json";
        body = JSON.stringify(c.json);
      } else if (c.form) {
        headers["content-type"] = "application/x-www-form-urlencoded";
        body = new URLSearchParams(c.form).toString();
      }
      const timeout = c.timeoutMs ?? o.timeoutMs;
      let res: Response;
      let text: string;
      o.onCall?.();
      try {
        res = await o.http.fetch(url, {
          method: c.method ?? (body === undefined ? "GET" : "POST"),
          headers,
          body,
          redirect: "manual",
          signal: AbortSignal.timeout(timeout),
        });
        text = await res.text();
      } catch (e) {
        const timedOut = (e as Error).name === "TimeoutError";
        throw new ProviderError(
          "retry_later",
          timedOut ? `${o.name} did not answer within ${timeout} ms` : `${o.name} could not be reached`,
        );
      }
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch { /* not JSON: kept as text */ }
      const a: Answer = { status: res.status, headers: res.headers, body: parsed };
      const now = o.http.now();
      const failure = o.classify?.(a, now) ?? classifyStatus(o.name, a, now);
      if (failure) throw failure;
      if (typeof parsed === "string" && parsed !== "") {
        throw new ProviderError("retry_later", `${o.name} answered ${res.status} with a body that is not JSON`, {
          status: res.status,
        });
      }
      return a as Answer & { body: T };
    },
  };
}
