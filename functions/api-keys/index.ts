// POST /functions/v1/api-keys with a user's token: verify a provider key, encrypt it, store it
// (a workspace's Klaviyo or Yotpo keys by an admin; a user's own OpenAI key). Never returns a key.
import { loadKeyRing } from "../_shared/crypto.ts";
import { db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { HttpError, serve } from "../_shared/http.ts";
import { type Deps, save } from "./save.ts";

let deps: Promise<Deps> | undefined;
const getDeps = () =>
  deps ??= (async () => {
    const e = env();
    return {
      settings: e.settings,
      auth: e.auth,
      sql: db(e.dbUrl),
      ring: await loadKeyRing(e.settings.GROWTHBASE_TOKEN_KEYS, e.settings.GROWTHBASE_TOKEN_KEY_ID),
      http: { fetch, now: () => Date.now() },
    };
  })();

serve(async (req) => {
  if (req.method !== "POST") throw new HttpError(405, "method_not_allowed", "use POST");
  return await save(req, await getDeps());
});
