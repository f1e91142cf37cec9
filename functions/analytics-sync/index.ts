// POST /functions/v1/analytics-sync with a secret key: one run of the analytics sync worker
// (Search Console, PageSpeed Insights, Instagram, TikTok, Fairing). Woken by the database when a
// pull is queued and by the connector sweeper every minute while jobs are due.
import { loadKeyRing } from "../_shared/crypto.ts";
import { db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { type Deps, handleWorkerCall } from "./worker.ts";

let deps: Promise<Deps> | undefined;
const getDeps = () =>
  deps ??= (async () => {
    const e = env();
    return {
      sql: db(e.dbUrl),
      settings: e.settings,
      auth: e.auth,
      ring: await loadKeyRing(e.settings.GROWTHBASE_TOKEN_KEYS, e.settings.GROWTHBASE_TOKEN_KEY_ID),
      http: { fetch, now: () => Date.now() },
      budgetMs: 40_000,
      jobBudgetMs: 20_000,
    };
  })();

serve(async (req) => handleWorkerCall(req, await getDeps()));
