// POST /functions/v1/model-discovery with a secret key: one model discovery run (the configured
// OpenAI-compatible endpoint's GET /v1/models into the model registry). pg_cron wakes it when a
// run is due (a day after the last success; failures back off).
import { db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { acceptWorkerCall } from "../_shared/queue_worker.ts";
import { asService } from "../_shared/db.ts";
import { discoverModels } from "./run.ts";

serve(async (req) => {
  const e = env();
  await acceptWorkerCall(req, e.auth);
  const sql = db(e.dbUrl);
  await asService(sql, (tx) => tx`select private.function_round_started('model-discovery')`);
  return { status: 200, body: await discoverModels({ sql, settings: e.settings, now: () => Date.now() }) };
});
