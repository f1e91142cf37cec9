// POST /functions/v1/email-send with a secret key: runs the email sender until the outbox has
// nothing due (or 50 s pass). Woken by the database when email is queued, swept every minute.
import { db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { resendProvider } from "../_shared/providers/resend.ts";
import { acceptWorkerCall } from "../_shared/queue_worker.ts";
import { runSender } from "./round.ts";

serve(async (req) => {
  await acceptWorkerCall(req, env().auth);
  const s = env().settings;
  const provider = resendProvider({
    apiKey: s.RESEND_API_KEY,
    baseUrl: s.RESEND_BASE_URL,
    timeoutMs: s.RESEND_TIMEOUT_MS,
    now: Date.now,
  });
  const totals = await runSender({
    sql: db(env().dbUrl),
    provider,
    defaultFrom: s.EMAIL_DEFAULT_FROM,
    maxRps: s.RESEND_MAX_RPS,
  });
  return { status: 200, body: totals };
});
