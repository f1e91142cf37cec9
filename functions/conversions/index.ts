// POST /functions/v1/conversions with the secret key: one run of the server-side conversions
// worker. The database calls it through pg_net when events are queued and every minute while any is due.
import { loadKeyRing } from "../_shared/crypto.ts";
import { db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { type Deps, runWorker } from "./worker.ts";

let deps: Promise<Deps> | undefined;
const getDeps = () =>
  deps ??= (async () => {
    const e = env();
    return {
      sql: db(e.dbUrl),
      auth: e.auth,
      settings: e.settings,
      ring: await loadKeyRing(e.settings.GROWTHBASE_TOKEN_KEYS, e.settings.GROWTHBASE_TOKEN_KEY_ID),
      fetch,
      now: () => Date.now(),
      budgetMs: 40_000,
    };
  })();

serve(async (req) => runWorker(req, await getDeps()));
