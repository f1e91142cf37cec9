// POST /functions/v1/chatwoot-sync with a secret key: runs the chatwoot connector queue until
// nothing is due (or 40 s pass). Woken by the database when a reply or status is queued.
import { loadKeyRing } from "../_shared/crypto.ts";
import { db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { acceptWorkerCall } from "../_shared/queue_worker.ts";
import { outboundFetch } from "../_shared/outbound.ts";
import { runChatwootSync } from "./round.ts";

serve(async (req) => {
  await acceptWorkerCall(req, env().auth);
  const s = env().settings;
  const ring = await loadKeyRing(s.GROWTHBASE_TOKEN_KEYS, s.GROWTHBASE_TOKEN_KEY_ID);
  // each workspace names its own Chatwoot instance: calls go through the outbound-address guard
  const totals = await runChatwootSync({
    sql: db(env().dbUrl),
    ring,
    http: { fetch: outboundFetch(), now: () => Date.now() },
  });
  return { status: 200, body: totals };
});
