// POST /functions/v1/api-keys with an admin's JWT: connects a provider that has no OAuth (Fairing)
// with its API key. See connect.ts.
import { loadKeyRing } from "../_shared/crypto.ts";
import { db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { connect, type Deps } from "./connect.ts";

let deps: Promise<Deps> | undefined;
const getDeps = () =>
  deps ??= (async () => {
    const e = env();
    return {
      sql: db(e.dbUrl),
      auth: e.auth,
      settings: e.settings,
      ring: await loadKeyRing(e.settings.GROWTHBASE_TOKEN_KEYS, e.settings.GROWTHBASE_TOKEN_KEY_ID),
      http: { fetch, now: () => Date.now() },
    };
  })();

serve(async (req) => connect(req, await getDeps()));
