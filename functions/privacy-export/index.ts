// POST /functions/v1/privacy-export with a secret key: one round of the privacy worker (build and
// store pending exports, remove expired ones). Woken by the database when an export is requested
// and swept by pg_cron every 5 minutes.
import { db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { acceptWorkerCall } from "../_shared/queue_worker.ts";
import { runRound } from "./round.ts";
import { storageApi } from "../_shared/storage.ts";

let storage: ReturnType<typeof storageApi> | undefined;
const getStorage = () => storage ??= storageApi(env().storageUrl, env().auth.serviceKeys[0]);

serve(async (req) => {
  await acceptWorkerCall(req, env().auth);
  return { status: 200, body: await runRound({ sql: db(env().dbUrl), storage: getStorage() }) };
});
