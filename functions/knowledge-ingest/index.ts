// POST /functions/v1/knowledge-ingest with a user's JWT: see ingest.ts.
import { db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { outboundFetch, outboundPolicy } from "../_shared/outbound.ts";
import { type Deps, ingest } from "./ingest.ts";

let deps: Deps | undefined;
const getDeps = () =>
  deps ??= {
    sql: db(env().dbUrl),
    auth: env().auth,
    fetcher: {
      fetch: outboundFetch(),
      policy: outboundPolicy(env().settings),
      // The reader service is ours (configuration), not the user's: reached directly.
      proxyFetch: fetch,
      proxy: env().settings.KNOWLEDGE_FETCH_PROXY,
    },
  };

serve((req) => ingest(req, getDeps()));
