// /functions/v1/oauth/{start,callback/<provider>,refresh,disconnect,secret} (verify_jwt off: the
// provider's redirect carries no JWT; start and disconnect need a user, refresh the secret key).
// The app's origin may call start with credentials, so the browser keeps the flow's cookie.
import { loadKeyRing } from "../_shared/crypto.ts";
import { db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { HttpError, serve } from "../_shared/http.ts";
import { callback, type Deps, disconnect, refresh, secret, start } from "./flow.ts";
import { isProviderId } from "./providers/index.ts";

let deps: Promise<Deps> | undefined;
function getDeps(): Promise<Deps> {
  return deps ??= (async () => {
    const e = env();
    return {
      settings: e.settings,
      auth: e.auth,
      sql: db(e.dbUrl),
      ring: await loadKeyRing(e.settings.GROWTHBASE_TOKEN_KEYS, e.settings.GROWTHBASE_TOKEN_KEY_ID),
      fetch,
      now: () => Date.now(),
    };
  })();
}

serve(async (req) => {
  const path = new URL(req.url).pathname.replace(/^.*\/oauth/, "");
  const d = await getDeps();
  const cb = path.match(/^\/callback\/([a-z_]+)$/);
  if (cb && req.method === "GET" && isProviderId(cb[1])) return await callback(req, cb[1], d);
  if (req.method === "POST" && path === "/start") return await start(req, d);
  if (req.method === "POST" && path === "/refresh") return await refresh(req, d);
  if (req.method === "POST" && path === "/disconnect") return await disconnect(req, d);
  if (req.method === "POST" && path === "/secret") return await secret(req, d);
  throw new HttpError(404, "not_found", "no such oauth route");
}, { credentialedOrigin: new URL(env().settings.GROWTHBASE_APP_URL).origin });
