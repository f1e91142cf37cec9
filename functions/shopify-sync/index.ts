// POST /functions/v1/shopify-sync with a secret key: Shopify backfills (bulk operations) and gift
// card issuing. Woken by the database when work is queued (and by the bulk_operations/finish
// webhook), and by the minute sweeper for waits and retries; body {"once": true} runs one round.
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { acceptWorkerCall } from "../_shared/queue_worker.ts";
import { workerDeps } from "../_shared/worker_deps.ts";
import { runWorker } from "./worker.ts";

serve(async (req) => {
  const body = (await acceptWorkerCall(req, env().auth)) as { once?: boolean; chunk?: number };
  return { status: 200, body: await runWorker(await workerDeps(), { once: body?.once === true, chunk: body?.chunk }) };
});
