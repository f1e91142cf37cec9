// CORS as the hosted gateway answers it for /rest/v1 and /auth/v1: any origin, the preflight
// answered at the gateway with the requested headers allowed, and the headers supabase-js reads
// (Content-Range for counts) exposed. Functions answer their own preflights, as in the cloud.
const METHODS = "GET, HEAD, PUT, PATCH, POST, DELETE, OPTIONS";
const EXPOSED = "Content-Encoding, Content-Location, Content-Range, Content-Type, Date, Location, Server, " +
  "Transfer-Encoding, Range-Unit, X-Request-Id";

export function isPreflight(req: Request): boolean {
  return req.method === "OPTIONS" && req.headers.has("access-control-request-method");
}

export function preflight(req: Request): Response {
  return new Response(null, {
    status: 200,
    headers: {
      "access-control-allow-origin": "*",
      "access-control-allow-methods": METHODS,
      "access-control-allow-headers": req.headers.get("access-control-request-headers") ??
        "authorization, x-client-info, apikey, content-type, prefer, range, accept-profile, content-profile",
      "access-control-max-age": "3600",
      "content-length": "0",
    },
  });
}

/** Adds the cross-origin headers to an upstream answer that lacks them. */
export function withCors(headers: Headers): Headers {
  if (!headers.has("access-control-allow-origin")) headers.set("access-control-allow-origin", "*");
  if (!headers.has("access-control-expose-headers")) headers.set("access-control-expose-headers", EXPOSED);
  return headers;
}
