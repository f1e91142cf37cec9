// POST /functions/v1/ops-health with a secret key: asks each provider's configured base URL
// (Resend, Slack, the AI API, every connected Chatwoot) whether it answers, and records the
// provider.<name> health checks. Woken by the ops-health-checks cron job after the SQL checks.
import { db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { outboundFetch } from "../_shared/outbound.ts";
import { acceptWorkerCall } from "../_shared/queue_worker.ts";
import { runProbes } from "./probe.ts";

serve(async (req) => {
  await acceptWorkerCall(req, env().auth);
  const s = env().settings;
  const result = await runProbes({
    sql: db(env().dbUrl),
    fetch: outboundFetch(),
    configured: [
      { provider: "resend", url: s.RESEND_BASE_URL },
      { provider: "slack", url: `${s.SLACK_API_URL.replace(/\/$/, "")}/api.test` },
      { provider: "openai", url: s.OPENAI_BASE_URL },
    ],
  });
  await db(env().dbUrl)`select private.function_round_started('ops-health')`;
  return { status: 200, body: result };
});
