// POST /functions/v1/yotpo-import with a secret key: the one-time Yotpo review import. Woken when
// a Yotpo key is saved or an admin starts an import again (public.start_yotpo_import).
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { acceptWorkerCall } from "../_shared/queue_worker.ts";
import { workerDeps } from "../_shared/worker_deps.ts";
import { runYotpo } from "./worker.ts";

serve(async (req) => {
  const body = (await acceptWorkerCall(req, env().auth)) as { once?: boolean };
  return { status: 200, body: await runYotpo(await workerDeps(), body?.once === true) };
});
