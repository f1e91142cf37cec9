// The request wrapper every function uses: CORS, request ids, JSON bodies and errors.
import { errorBody, HttpError, toErrorResponse } from "./errors.ts";

export { HttpError };

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

/** Wraps a handler: preflight, error mapping, an x-request-id on every answer. */
export function handle(handler: Handler): (req: Request) => Promise<Response> {
  return async (req) => {
    const requestId = req.headers.get("x-request-id") ?? crypto.randomUUID();
    if (req.method === "OPTIONS") return new Response(null, { status: 204, headers: corsHeaders });
    try {
      const out = await handler(req);
      if (out instanceof Response) {
        out.headers.set("x-request-id", requestId);
        return out;
      }
      return json(out.status ?? 200, out.body ?? null, { ...out.headers, "x-request-id": requestId });
    } catch (e) {
      const { status, body } = toErrorResponse(e);
      if (status >= 500) console.error(requestId, e);
      return json(status, body, { "x-request-id": requestId });
    }
  };
}

/** Reads a JSON body with a size limit; a bad body is a 400/413 with the stable error shape. */
export async function readJson(req: Request, maxBytes = 1_000_000): Promise<unknown> {
  const text = await readText(req, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "invalid_json", "the body is not valid JSON");
  }
}

export async function readText(req: Request, maxBytes = 1_000_000): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new HttpError(413, "payload_too_large", `the body is over ${maxBytes} bytes`);
  const buf = new Uint8Array(await req.arrayBuffer());
  if (buf.byteLength > maxBytes) throw new HttpError(413, "payload_too_large", `the body is over ${maxBytes} bytes`);
  return new TextDecoder().decode(buf);
}

/** Starts a function: Deno.serve in the edge runtime and under functions/_local/server.ts. */
export function serve(handler: Handler): void {
  Deno.serve(handle(handler));
}

export { errorBody };
