// /functions/v1/oauth/{start,callback/<provider>,refresh,disconnect} (verify_jwt off: the
// provider's redirect carries no JWT; start, refresh and disconnect check one themselves).
import { db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { loadKeyRing } from "../_shared/crypto.ts";
import { HttpError, serve } from "../_shared/http.ts";
import { providerEnv } from "../_shared/providers.ts";
import { callback, type Deps, disconnect, refresh, start } from "./flow.ts";

let deps: Promise<Deps> | undefined;
function getDeps(): Promise<Deps> {
  return deps ??= (async () => {
    const p = providerEnv((k) => Deno.env.get(k));
    return {
      env: p,
      auth: env().auth,
      sql: db(env().dbUrl),
      ring: await loadKeyRing(p.GROWTHBASE_TOKEN_KEYS, p.GROWTHBASE_TOKEN_KEY_ID),
      fetch,
      now: () => Date.now(),
    };
  })();
}

serve(async (req) => {
  const path = new URL(req.url).pathname.replace(/^.*\/oauth/, "");
  const d = await getDeps();
  const cb = path.match(/^\/callback\/(shopify|google_ads|meta)$/);
  if (cb && req.method === "GET") return await callback(req, cb[1] as "shopify" | "google_ads" | "meta", d);
  if (req.method === "POST" && path === "/start") return await start(req, d);
  if (req.method === "POST" && path === "/refresh") return await refresh(req, d);
  if (req.method === "POST" && path === "/disconnect") return await disconnect(req, d);
  throw new HttpError(404, "not_found", "no such oauth route");
});
