// The embedded stack's functions server: every functions/<name>/index.ts at /functions/v1/<name>
// on one port, as `supabase functions serve` does. Each function calls Deno.serve once at load;
// we capture that handler instead of opening a port per function. The gateway's JWT check
// (verify_jwt in supabase/config.toml, default on) runs here before a function sees the request.
import { errorBody } from "../_shared/errors.ts";
import { json } from "../_shared/http.ts";
import { verifyJwt } from "../_shared/jwt.ts";
import { functionSettings } from "./config.ts";

type Handler = (req: Request) => Response | Promise<Response>;

const functionsDir = new URL("../", import.meta.url);
const port = Number(Deno.env.get("GROWTHBASE_API_PORT") ?? 54321);
const secret = Deno.env.get("SUPABASE_JWT_SECRET") ?? "";
const settings = functionSettings(
  await Deno.readTextFile(new URL("../../supabase/config.toml", import.meta.url)),
);

async function loadFunctions(): Promise<Map<string, Handler>> {
  const handlers = new Map<string, Handler>();
  const realServe = Deno.serve;
  const names: string[] = [];
  for await (const e of Deno.readDir(functionsDir)) {
    if (e.isDirectory && !e.name.startsWith("_") && !e.name.startsWith(".")) names.push(e.name);
  }
  for (const name of names.sort()) {
    try {
      await Deno.stat(new URL(`${name}/index.ts`, functionsDir));
    } catch {
      continue;
    }
    let captured: Handler | undefined;
    // deno-lint-ignore no-explicit-any
    (Deno as any).serve = (a: unknown, b?: unknown) => {
      captured =
        (typeof a === "function" ? a : typeof b === "function" ? b : (a as { handler: Handler }).handler) as Handler;
      const done = Promise.resolve();
      return { finished: done, shutdown: () => done, ref() {}, unref() {}, addr: { hostname: "127.0.0.1", port } };
    };
    try {
      await import(new URL(`${name}/index.ts`, functionsDir).href);
    } finally {
      Deno.serve = realServe;
    }
    if (!captured) throw new Error(`functions/${name}/index.ts did not call Deno.serve`);
    handlers.set(name, captured);
  }
  return handlers;
}

const handlers = await loadFunctions();

async function gatewayAllows(name: string, req: Request): Promise<boolean> {
  if (settings.get(name)?.verifyJwt === false || req.method === "OPTIONS") return true;
  const m = (req.headers.get("authorization") ?? "").match(/^Bearer\s+(\S+)$/i);
  if (!m) return false;
  try {
    await verifyJwt(m[1], secret);
    return true;
  } catch {
    return false;
  }
}

Deno.serve({
  port,
  hostname: "127.0.0.1",
  onListen: () => console.log(`functions on :${port}: ${[...handlers.keys()].join(", ")}`),
}, async (req) => {
  const url = new URL(req.url);
  if (url.pathname === "/health") return json(200, { status: "ok", functions: [...handlers.keys()] });
  const m = url.pathname.match(/^\/functions\/v1\/([A-Za-z0-9_-]+)(\/.*)?$/);
  const handler = m ? handlers.get(m[1]) : undefined;
  if (!m || !handler) return json(404, errorBody("not_found", "no such function"));
  if (!(await gatewayAllows(m[1], req))) return json(401, errorBody("unauthorized", "Invalid JWT"));
  return await handler(req);
});
