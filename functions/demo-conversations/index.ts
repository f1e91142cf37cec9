// /functions/v1/demo-conversations/{start,end}, called by a demo's visitors: see handler.ts.
import { db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { demoConversations, type Deps } from "./handler.ts";

let deps: Deps | undefined;
const getDeps = () =>
  deps ??= {
    sql: db(env().dbUrl),
    settings: env().settings,
    supabaseUrl: env().supabaseUrl,
    fetch,
    now: () => Date.now(),
  };

serve((req) => demoConversations(req, getDeps()));
