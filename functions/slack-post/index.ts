// POST /functions/v1/slack-post with a secret key: runs the slack_post connector queue until nothing is due
// (or 40 s pass). Woken by the database when a job is queued, swept every minute.
import { loadKeyRing } from "../_shared/crypto.ts";
import { db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { acceptWorkerCall } from "../_shared/queue_worker.ts";
import { runSlackPost } from "./round.ts";

serve(async (req) => {
  await acceptWorkerCall(req, env().auth);
  const s = env().settings;
  const ring = await loadKeyRing(s.GROWTHBASE_TOKEN_KEYS, s.GROWTHBASE_TOKEN_KEY_ID);
  const totals = await runSlackPost({
    sql: db(env().dbUrl),
    ring,
    http: { fetch, now: () => Date.now() },
    apiUrl: s.SLACK_API_URL,
  });
  return { status: 200, body: totals };
});
