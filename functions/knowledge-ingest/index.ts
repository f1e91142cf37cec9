// POST /functions/v1/knowledge-ingest with a user's JWT: see ingest.ts.
import { db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { type Deps, ingest } from "./ingest.ts";

let deps: Deps | undefined;
const getDeps = () =>
  deps ??= {
    sql: db(env().dbUrl),
    auth: env().auth,
    fetcher: {
      fetch,
      production: Deno.env.get("GROWTHBASE_ENV") === "production",
      proxy: Deno.env.get("KNOWLEDGE_FETCH_PROXY") ?? "",
    },
  };

serve((req) => ingest(req, getDeps()));
