// POST /functions/v1/slack-post with a secret key: runs the slack_post connector queue until nothing is due
// (or 40 s pass). Woken by the database when a job is queued, swept every minute.
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { acceptWorkerCall } from "../_shared/queue_worker.ts";
import { workerDeps } from "../_shared/worker_deps.ts";
import { runSlackPost } from "./round.ts";

serve(async (req) => {
  await acceptWorkerCall(req, env().auth);
  const d = await workerDeps();
  const totals = await runSlackPost({ sql: d.sql, ring: d.ring, http: d, apiUrl: d.settings.SLACK_API_URL });
  return { status: 200, body: totals };
});
