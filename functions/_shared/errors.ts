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
      ({ "404": "not_found", "409": "conflict", "410": "gone", "413": "too_large", "429": "rate_limited" } as Record<
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

/** Errors that mean the database is down or restarting: the caller should retry. */
const UNAVAILABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

export function isDatabaseUnavailable(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === "string" && (UNAVAILABLE.has(code) || code.startsWith("08"));
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
  if (isDatabaseUnavailable(e)) {
    return {
      status: 503,
      body: errorBody("db_unavailable", "the database is not reachable; retry shortly"),
      headers: { "retry-after": "5" },
    };
  }
  const pgCode = (e as { code?: unknown })?.code;
  const mapped = typeof pgCode === "string" ? sqlstateHttp(pgCode) : null;
  if (mapped) {
    return { status: mapped[0], body: errorBody(mapped[1], readable((e as Error).message, pgCode as string)) };
  }
  return { status: 500, body: errorBody("internal", "internal error") };
}
