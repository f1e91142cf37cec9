// /functions/v1/slack/{events,interactivity} (verify_jwt off: Slack signs each request instead).
import { db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { type Deps, handleSlack } from "./handler.ts";

let deps: Deps | undefined;
const getDeps = () => deps ??= { env: env().settings, sql: db(env().dbUrl), now: () => Date.now(), fetch };

serve(async (req) => {
  const route = new URL(req.url).pathname.replace(/^.*\/slack\/?/, "");
  return await handleSlack(req, route, getDeps());
});
