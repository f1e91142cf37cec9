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

/** Reads a JSON body with a size limit; a bad body is a 400/413 with the stable error shape. */
export async function readJson(req: Request, maxBytes = 1_000_000): Promise<unknown> {
  return parseJson(await readText(req, maxBytes));
}

/** JSON.parse, a failure answered as 400 invalid_json. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "invalid_json", "the body is not valid JSON");
  }
}

export const payloadTooLarge = (maxBytes: number) =>
  new HttpError(413, "payload_too_large", `the body is over ${maxBytes} bytes`);

/**
 * Reads a stream to its end, giving up (and cancelling it) as soon as more than maxBytes have
 * arrived, so an oversized body is never held whole; `tooLarge` makes the error thrown then.
 */
export async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  tooLarge: () => Error = () => payloadTooLarge(maxBytes),
): Promise<Uint8Array<ArrayBuffer>> {
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    parts.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.byteLength;
  }
  return all;
}

/**
 * The raw body bytes (signatures are computed over bytes), with a size limit: 413 when the
 * declared Content-Length is over it (nothing read), or as soon as the stream passes it.
 */
export function readBytes(req: Request, maxBytes = 1_000_000): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return Promise.reject(payloadTooLarge(maxBytes));
  return readLimited(req.body, maxBytes);
}

export async function readText(req: Request, maxBytes = 1_000_000): Promise<string> {
  return new TextDecoder().decode(await readBytes(req, maxBytes));
}

/** Starts a function: Deno.serve in the edge runtime and in the local gateway. */
export function serve(handler: Handler, opts: ServeOptions = {}): void {
  Deno.serve(handle(handler, opts));
}

export { errorBody };
