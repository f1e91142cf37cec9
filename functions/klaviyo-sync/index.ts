// POST /functions/v1/klaviyo-sync with a secret key: Klaviyo profiles and Placed Order events.
// Woken when a key is saved and every 15 minutes (pg_cron klaviyo-sync queues one job per connection).
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { acceptWorkerCall } from "../_shared/queue_worker.ts";
import { workerDeps } from "../_shared/worker_deps.ts";
import { runKlaviyo } from "./worker.ts";

serve(async (req) => {
  const body = (await acceptWorkerCall(req, env().auth)) as { once?: boolean };
  return { status: 200, body: await runKlaviyo(await workerDeps(), body?.once === true) };
});
