// POST /functions/v1/webhook-dispatch with the service role key: one round of outbound deliveries.
// In the cloud pg_cron calls it through pg_net every minute.
import { db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { HttpError, serve } from "../_shared/http.ts";
import { outboundFetch } from "../_shared/outbound.ts";
import { type Deps, dispatch } from "./dispatch.ts";

let deps: Deps | undefined;
const getDeps = () =>
  deps ??= {
    sql: db(env().dbUrl),
    auth: env().auth,
    fetch: outboundFetch(),
    now: () => Date.now(),
  };

serve(async (req) => {
  if (req.method !== "POST") throw new HttpError(405, "method_not_allowed", "use POST");
  return await dispatch(req, getDeps());
});
