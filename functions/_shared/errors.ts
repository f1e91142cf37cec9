// One error shape for every function: { error: { code, message, details? } }.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

interface ZodLike {
  issues: { path: PropertyKey[]; message: string; code?: string }[];
}

function isZodError(e: unknown): e is ZodLike {
  return typeof e === "object" && e !== null && (e as { name?: string }).name === "ZodError" &&
    Array.isArray((e as ZodLike).issues);
}

/** SQLSTATE classes and codes, mapped as PostgREST maps them, with our stable codes. */
function sqlstateHttp(code: string): [number, string] | null {
  const pt = code.match(/^PT(\d{3})$/);
  if (pt) {
    return [
      Number(pt[1]),
      ({
        "402": "budget_exhausted",
        "404": "not_found",
        "409": "conflict",
        "410": "gone",
        "413": "too_large",
        "429": "rate_limited",
      } as Record<
        string,
        string
      >)[pt[1]] ?? "error",
    ];
  }
  if (code === "42501") return [403, "forbidden"];
  if (code === "23505" || code === "23503") return [409, "conflict"];
  if (code.startsWith("23") || code.startsWith("22")) return [400, "invalid_parameter"];
  return null;
}

/**
 * What postgres.js (and the socket under it) throws when the database is down, restarting or
 * full, in one place. Codes: the socket's (refused, reset, broken pipe, unreachable, timed out),
 * postgres.js's own (CONNECT_TIMEOUT after connect_timeout, CONNECTION_CLOSED / ENDED / DESTROYED
 * when a connection goes away under a query), ours (DB_DEADLINE from withDeadline), and
 * SQLSTATEs: class 08 (connection exception), 57P01 admin shutdown, 57P02 crash shutdown, 57P03
 * cannot connect now (starting up or shutting down), 53300 too many connections, 53400
 * configuration limit exceeded.
 */
const UNAVAILABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "DB_DEADLINE",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "53400",
]);

/** Seconds a client should wait before retrying while the database is unavailable. */
export const RETRY_AFTER_S = 5;

/** True when e (or its cause, or one of an AggregateError's errors) means the database is unavailable. */
export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (typeof e !== "object" || e === null || depth > 3) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string" && (UNAVAILABLE.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  const inner = [(e as { cause?: unknown }).cause, ...((e as { errors?: unknown[] }).errors ?? [])];
  return inner.some((x) => isDatabaseUnavailable(x, depth + 1));
}

/** The answer while the database is unavailable: 503, db_unavailable, Retry-After. */
export function unavailableResponse(): ErrorResponse {
  return {
    status: 503,
    body: errorBody("db_unavailable", "the database is not reachable; retry shortly"),
    headers: { "retry-after": String(RETRY_AFTER_S) },
  };
}

/** A constraint's own message names the constraint; a caller gets a sentence instead. */
function readable(message: string, code: string): string {
  if (!/violates .*constraint|duplicate key value/.test(message)) return message;
  if (code === "23505") return "a record with the same unique values already exists";
  if (code === "23503") return "the record refers to something that does not exist, or is still referred to";
  if (code === "23502") return "a required value is missing";
  return "a value is not allowed";
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  headers?: Record<string, string>;
}

/** Maps anything thrown by a handler to a status and the stable error body. */
export function toErrorResponse(e: unknown): ErrorResponse {
  if (e instanceof HttpError) return { status: e.status, body: errorBody(e.code, e.message, e.details) };
  if (isZodError(e)) {
    const details = e.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
    return { status: 400, body: errorBody("invalid_request", "the request is not valid", details) };
  }
  if (e instanceof SyntaxError) return { status: 400, body: errorBody("invalid_json", "the body is not valid JSON") };
  if (isDatabaseUnavailable(e)) return unavailableResponse();
  const pgCode = (e as { code?: unknown })?.code;
  if (pgCode === "PGRST") {
    const raised = fromPgrstRaise(e as Error & { detail?: string });
    if (raised) return raised;
  }
  const mapped = typeof pgCode === "string" ? sqlstateHttp(pgCode) : null;
  if (mapped) {
    return { status: mapped[0], body: errorBody(mapped[1], readable((e as Error).message, pgCode as string)) };
  }
  return { status: 500, body: errorBody("internal", "internal error") };
}

/**
 * An error SQL raised the PostgREST way (SQLSTATE PGRST: the message a JSON {code, message,
 * details, hint}, the detail a JSON {status, headers}), as the rate limiter does: the same status,
 * headers (Retry-After) and message a PostgREST caller gets.
 */
function fromPgrstRaise(e: Error & { detail?: string }): ErrorResponse | null {
  try {
    const m = JSON.parse(e.message) as { code?: string; message?: string; details?: unknown; hint?: string };
    const d = JSON.parse(e.detail ?? "{}") as { status?: number; headers?: Record<string, string> };
    const mapped = sqlstateHttp(m.code ?? "");
    const status = d.status ?? mapped?.[0];
    if (!status || !m.message) return null;
    return {
      status,
      body: errorBody(mapped?.[1] ?? "error", m.message, m.hint ? { hint: m.hint, details: m.details } : m.details),
      headers: d.headers,
    };
  } catch {
    return null;
  }
}
