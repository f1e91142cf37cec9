// POST /functions/v1/chatwoot-sync with a secret key: runs the chatwoot connector queue until
// nothing is due (or 40 s pass). Woken by the database when a reply or status is queued.
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { outboundFetch } from "../_shared/outbound.ts";
import { acceptWorkerCall } from "../_shared/queue_worker.ts";
import { workerDeps } from "../_shared/worker_deps.ts";
import { runChatwootSync } from "./round.ts";

serve(async (req) => {
  await acceptWorkerCall(req, env().auth);
  const d = await workerDeps();
  // each workspace names its own Chatwoot instance: calls go through the outbound-address guard
  const totals = await runChatwootSync({ sql: d.sql, ring: d.ring, http: { fetch: outboundFetch(), now: d.now } });
  return { status: 200, body: totals };
});
