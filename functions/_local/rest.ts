// /rest/v1/* -> PostgREST on its unix socket, after the API key rules (apikeys.ts). The
// gateway forwards the client address in X-Forwarded-For as a proxy does: it appends the address
// it saw to what came in, so the first entry is the client as the edge in front of the hosted
// gateway passes it, which the storefront rate limits read from request.headers (private.client_ip);
// CF-Connecting-IP (set by Cloudflare in the cloud, preferred by private.client_ip) is dropped.
import { resolveApiKey } from "./apikeys.ts";
import { withCors } from "./cors.ts";
import type { StackKeys } from "./keys.ts";

const HOP_BY_HOP = ["connection", "keep-alive", "transfer-encoding", "upgrade", "te", "trailer", "host"];

export interface RestProxy {
  handle(req: Request, path: string, clientIp: string): Promise<Response>;
}

function errorJson(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: withCors(new Headers({ "content-type": "application/json" })),
  });
}

export function restProxy(keys: StackKeys, socketPath: string): RestProxy {
  const client = Deno.createHttpClient({ proxy: { transport: "unix", path: socketPath } });
  return {
    async handle(req, path, clientIp) {
      const url = new URL(req.url);
      const apikey = req.headers.get("apikey") ?? url.searchParams.get("apikey");
      const auth = await resolveApiKey(keys, apikey, req.headers.get("authorization"));
      if (!auth.ok) return errorJson(auth.status, { message: auth.message, ...(auth.hint ? { hint: auth.hint } : {}) });
      url.searchParams.delete("apikey");
      const headers = new Headers(req.headers);
      for (const h of [...HOP_BY_HOP, "apikey"]) headers.delete(h);
      if (auth.authorization) headers.set("authorization", auth.authorization);
      else headers.delete("authorization");
      // Locally the gateway plays the CDN: a client-supplied X-Forwarded-For stays first (tests pose
      // as many visitors) and the socket's address is appended; CF-Connecting-IP, which only
      // Cloudflare may set, never passes.
      headers.delete("cf-connecting-ip");
      const forwarded = req.headers.get("x-forwarded-for");
      headers.set("x-forwarded-for", forwarded ? `${forwarded}, ${clientIp}` : clientIp);
      let upstream: Response;
      try {
        upstream = await fetch(`http://postgrest${path}${url.search}`, {
          method: req.method,
          headers,
          body: req.body,
          redirect: "manual",
          client,
        });
      } catch (e) {
        return errorJson(503, { message: "PostgREST is not reachable", details: (e as Error).message });
      }
      const out = new Headers(upstream.headers);
      for (const h of HOP_BY_HOP) out.delete(h);
      return new Response(upstream.body, {
        status: upstream.status,
        statusText: upstream.statusText,
        headers: withCors(out),
      });
    },
  };
}
