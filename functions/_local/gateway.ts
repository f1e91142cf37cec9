// The embedded stack's API gateway on the API port (LOCAL ONLY), as Supabase's is:
//   /rest/v1/*                         -> PostgREST (unix socket), after the API key rules
//   /functions/v1/<name>               -> functions/<name>/index.ts, in-process, with the JWT check
//                                         of verify_jwt in supabase/config.toml
//   /auth/v1/.well-known/jwks.json     -> the project's public signing keys
//   /storage/v1/*                      -> the Storage API (storage.ts), as the caller
//   /realtime/v1/websocket             -> Realtime's postgres_changes (realtime.ts), RLS per subscriber
// plus the pg_net stand-in worker. Started by scripts/lib/gateway.ts with GROWTHBASE_GATEWAY.
import postgres from "postgres";
import { bearerToken } from "../_shared/auth.ts";
import { errorBody } from "../_shared/errors.ts";
import { json } from "../_shared/http.ts";
import { resolveApiKey } from "./apikeys.ts";
import { limitBody, MAX_BODY_BYTES } from "./body_limit.ts";
import { callers } from "./caller.ts";
import { isPreflight, preflight, withCors } from "./cors.ts";
import { loadFunctions } from "./functions.ts";
import { publicJwks, type StackKeys } from "./keys.ts";
import { startNetWorker } from "./net_worker.ts";
import { realtimeServer } from "./realtime.ts";
import { restProxy } from "./rest.ts";
import { storageServer } from "./storage.ts";

interface GatewayConfig {
  port: number;
  stackId: string;
  keys: StackKeys;
  pgrstSocket: string;
  dbUrl: string;
  /** Where the Storage API keeps object bytes (in the stack's data directory). */
  storageDir: string;
  functions: Record<string, { verifyJwt: boolean }>;
}

// postgres.js can throw from a timer after PostgreSQL drops its connections (a crash or restart:
// "Cannot read properties of null (reading 'write')" in nextWrite), which would end the whole
// gateway and every function with it. Log and keep serving; the pools reconnect.
globalThis.addEventListener("error", (e) => {
  console.error("uncaught error (gateway kept running):", e.error);
  e.preventDefault();
});
globalThis.addEventListener("unhandledrejection", (e) => {
  console.error("unhandled rejection (gateway kept running):", e.reason);
  e.preventDefault();
});

const cfg = JSON.parse(Deno.env.get("GROWTHBASE_GATEWAY") ?? "null") as GatewayConfig | null;
if (!cfg) throw new Error("GROWTHBASE_GATEWAY is not set: start the gateway with npm run dev");

const handlers = await loadFunctions(new URL("../", import.meta.url));
const rest = restProxy(cfg.keys, cfg.pgrstSocket);
const jwks = publicJwks(cfg.keys);
const who = callers(cfg.keys);
const net = startNetWorker(cfg.dbUrl, (s) => console.error(s));
// The gateway's own servers (Storage, Realtime) act in the database as their callers, per transaction.
const sql = postgres(cfg.dbUrl, { max: 5, idle_timeout: 60, onnotice: () => {} });
const storage = storageServer({ sql, callers: who, keys: cfg.keys, root: cfg.storageDir });
const realtime = realtimeServer({ sql, dbUrl: cfg.dbUrl, callers: who, log: (s) => console.error(s) });

/** GET /realtime/v1/websocket: a WebSocket upgrade carrying a valid API key (?apikey=, as realtime-js sends it). */
async function toRealtime(req: Request, url: URL): Promise<Response> {
  if ((req.headers.get("upgrade") ?? "").toLowerCase() !== "websocket") {
    return json(400, errorBody("bad_request", "Realtime speaks WebSocket at /realtime/v1/websocket"));
  }
  const apikey = url.searchParams.get("apikey") ?? req.headers.get("apikey");
  const key = await resolveApiKey(cfg!.keys, apikey, null);
  if (!key.ok) return json(401, errorBody("unauthorized", key.message));
  return realtime.handle(req, apikey!);
}

/** The gateway's check for verify_jwt functions: an ES256 token of the project, or a legacy HS256 one. */
const validJwt = async (token: string) => !("error" in await who.verify(token));

async function toFunction(name: string, req: Request): Promise<Response> {
  const handler = handlers.get(name);
  if (!handler) return json(404, errorBody("not_found", "no such function"));
  const verifyJwt = cfg!.functions[name]?.verifyJwt ?? true;
  if (!verifyJwt || req.method === "OPTIONS") return await handler(req);
  const authz = req.headers.get("authorization");
  const bearer = bearerToken(authz);
  const apikey = req.headers.get("apikey") ?? (bearer?.startsWith("sb_") ? bearer : null);
  let token = bearer && !bearer.startsWith("sb_") ? bearer : null;
  if (!token && apikey) {
    const mapped = await resolveApiKey(cfg!.keys, apikey, authz);
    if (mapped.ok && mapped.authorization) token = bearerToken(mapped.authorization);
  }
  if (!token || !(await validJwt(token))) return json(401, errorBody("unauthorized", "Invalid JWT"));
  const headers = new Headers(req.headers);
  headers.set("authorization", `Bearer ${token}`);
  return await handler(new Request(req, { headers }));
}

/** 413 for a body over the limit: PostgREST's error shape on /rest/v1, the functions' elsewhere. */
function tooLarge(isRest: boolean): Response {
  const message = `the request body is over ${MAX_BODY_BYTES} bytes (10 MiB)`;
  if (!isRest) return json(413, errorBody("payload_too_large", message), { connection: "close" });
  return new Response(
    JSON.stringify({ code: "PT413", message, details: null, hint: "send smaller batches" }),
    { status: 413, headers: withCors(new Headers({ "content-type": "application/json", connection: "close" })) },
  );
}

const server = Deno.serve({
  port: cfg.port,
  hostname: "127.0.0.1",
  onListen: () => console.log(`gateway on :${cfg.port}; functions: ${[...handlers.keys()].join(", ")}`),
}, async (req, info) => {
  const url = new URL(req.url);
  const path = url.pathname;
  if (path === "/health") {
    return json(200, { status: "ok", stack: cfg.stackId, functions: [...handlers.keys()], net: net.state });
  }
  const fn = path.match(/^\/functions\/v1\/([A-Za-z0-9_-]+)(\/.*)?$/);
  if (fn) {
    if (req.method === "OPTIONS") return await toFunction(fn[1], req);
    const limited = limitBody(req);
    return limited ? await toFunction(fn[1], limited.req) : tooLarge(false);
  }
  if (path === "/rest/v1" || path.startsWith("/rest/v1/")) {
    if (isPreflight(req)) return preflight(req);
    const limited = limitBody(req);
    if (!limited) return tooLarge(true);
    const ip = (info.remoteAddr as Deno.NetAddr).hostname;
    const res = await rest.handle(limited.req, path.slice("/rest/v1".length) || "/", ip);
    return limited.exceeded() ? tooLarge(true) : res;
  }
  if (path.startsWith("/storage/v1/")) return await storage.handle(req, path.slice("/storage/v1".length));
  if (path === "/realtime/v1/websocket") return await toRealtime(req, url);
  if (path === "/auth/v1/.well-known/jwks.json" || path === "/auth/v1/jwks") {
    if (isPreflight(req)) return preflight(req);
    return new Response(JSON.stringify(jwks), {
      headers: withCors(new Headers({ "content-type": "application/json", "cache-control": "public, max-age=600" })),
    });
  }
  if (path.startsWith("/auth/v1/")) {
    return json(
      404,
      errorBody("not_found", "no auth server runs locally: mint a token with npm run stack -- token <email>"),
    );
  }
  return json(404, errorBody("not_found", "no such route"));
});

for (const sig of ["SIGTERM", "SIGINT"] as const) {
  Deno.addSignalListener(sig, async () => {
    await realtime.stop();
    await server.shutdown();
    await net.stop();
    await sql.end({ timeout: 1 });
    Deno.exit(0);
  });
}
