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

/** SQLSTATEs our SQL functions raise on purpose, and what they mean over HTTP. */
const SQLSTATE_HTTP: Record<string, [number, string]> = {
  "22023": [400, "invalid_parameter"],
  "23505": [409, "conflict"],
  "23503": [400, "foreign_key_violation"],
  "23514": [400, "check_violation"],
  "42501": [403, "forbidden"],
  "P0002": [404, "not_found"],
  // PostgREST's own codes (docs/api.md): PTxyz answers HTTP xyz.
  "PT404": [404, "not_found"],
  "PT409": [409, "conflict"],
  "PT413": [413, "payload_too_large"],
  "PT429": [429, "rate_limited"],
};

/** Maps anything thrown by a handler to a status and the stable error body. */
export function toErrorResponse(e: unknown): { status: number; body: ErrorBody } {
  if (e instanceof HttpError) return { status: e.status, body: errorBody(e.code, e.message, e.details) };
  if (isZodError(e)) {
    const details = e.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
    return { status: 400, body: errorBody("invalid_request", "the request is not valid", details) };
  }
  if (e instanceof SyntaxError) return { status: 400, body: errorBody("invalid_json", "the body is not valid JSON") };
  const pgCode = (e as { code?: unknown })?.code;
  if (typeof pgCode === "string" && SQLSTATE_HTTP[pgCode]) {
    const [status, code] = SQLSTATE_HTTP[pgCode];
    return { status, body: errorBody(code, (e as Error).message) };
  }
  return { status: 500, body: errorBody("internal", "internal error") };
}
