// POST /functions/v1/webhook-process with the secret key: processes stored inbound webhook
// events in batches until none is due (or 20 s pass). Woken by the database through pg_net when
// events are stored, and by the minute sweeper; all the work is private.process_webhook_events.
import { requireServiceRole } from "../_shared/auth.ts";
import { asService, db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { HttpError, serve } from "../_shared/http.ts";

const BATCH = 500;
const BUDGET_MS = 20_000;

serve(async (req) => {
  if (req.method !== "POST") throw new HttpError(405, "method_not_allowed", "use POST");
  await requireServiceRole(req, env().auth);
  const sql = db(env().dbUrl);
  await asService(sql, (tx) => tx`select private.function_round_started('webhook-process')`);
  const started = Date.now();
  const totals = { rounds: 0, processed: 0, failed: 0 };
  for (;;) {
    const [{ r }] = await asService(sql, (tx) => tx`select private.process_webhook_events(${BATCH}) as r`);
    totals.rounds++;
    totals.processed += r.processed;
    totals.failed += r.failed;
    if (r.busy || (r.claimed ?? 0) < BATCH || Date.now() - started > BUDGET_MS) break;
  }
  return { status: 200, body: totals };
});
