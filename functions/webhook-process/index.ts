// POST /functions/v1/webhook-process with the secret key: processes stored inbound webhook
// events in batches until none is due (or 20 s pass). Woken by the database through pg_net when
// events are stored, and by the minute sweeper; all the work is private.process_webhook_events.
import { asService, db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { acceptWorkerCall, drain } from "../_shared/queue_worker.ts";

const BATCH = 500;

serve(async (req) => {
  await acceptWorkerCall(req, env().auth);
  const sql = db(env().dbUrl);
  const totals = await drain({ sql, name: "webhook-process", roundSize: BATCH, budgetMs: 20_000 }, async (limit) => {
    const [{ r }] = await asService(sql, (tx) => tx`select private.process_webhook_events(${limit}) as r`);
    // another processor holds the batch lock: this call has nothing to do
    const claimed = r.busy ? 0 : (r.claimed ?? 0);
    return { claimed, outcomes: { processed: r.processed, failed: r.failed } };
  });
  return { status: 200, body: { rounds: totals.rounds, processed: totals.processed ?? 0, failed: totals.failed ?? 0 } };
});
