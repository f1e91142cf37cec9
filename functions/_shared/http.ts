// The request wrapper every function uses: CORS, request ids, JSON bodies and errors.
import { errorBody, HttpError, toErrorResponse } from "./errors.ts";

export { HttpError };
export { parseJson, payloadTooLarge, readBytes, readJson, readLimited, readText } from "./body.ts";

export const corsHeaders: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "authorization, x-client-info, apikey, content-type",
  "access-control-allow-methods": "GET, POST, OPTIONS",
};

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: Request) => Promise<Reply | Response> | Reply | Response;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...corsHeaders, "content-type": "application/json", ...headers },
  });
}

export interface ServeOptions {
  /**
   * An origin (the app's) allowed to call with credentials (cookies): its requests get
   * Access-Control-Allow-Origin: <origin> and Allow-Credentials instead of `*`.
   */
  credentialedOrigin?: string;
}

function corsFor(req: Request, opts: ServeOptions): Record<string, string> {
  const origin = req.headers.get("origin");
  if (opts.credentialedOrigin && origin === opts.credentialedOrigin) {
    return {
      ...corsHeaders,
      "access-control-allow-origin": origin,
      "access-control-allow-credentials": "true",
      vary: "origin",
    };
  }
  return corsHeaders;
}

/** Wraps a handler: preflight, error mapping, an x-request-id on every answer. */
export function handle(handler: Handler, opts: ServeOptions = {}): (req: Request) => Promise<Response> {
  return async (req) => {
    const requestId = req.headers.get("x-request-id") ?? crypto.randomUUID();
    const cors = corsFor(req, opts);
    if (req.method === "OPTIONS") return new Response(null, { status: 204, headers: cors });
    try {
      const out = await handler(req);
      if (out instanceof Response) {
        out.headers.set("x-request-id", requestId);
        return out;
      }
      return json(out.status ?? 200, out.body ?? null, { ...cors, ...out.headers, "x-request-id": requestId });
    } catch (e) {
      const { status, body, headers } = toErrorResponse(e);
      if (status >= 500) console.error(requestId, e);
      return json(status, body, { ...cors, ...headers, "x-request-id": requestId });
    }
  };
}

/** Starts a function: Deno.serve in the edge runtime and in the local gateway. */
export function serve(handler: Handler, opts: ServeOptions = {}): void {
  Deno.serve(handle(handler, opts));
}

export { errorBody };
