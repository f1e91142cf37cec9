// POST /functions/v1/approval-executor with the secret key: executes approved actions (executor.ts).
// The database wakes it when an approval is approved; the connector sweeper wakes it for retries.
import { loadKeyRing } from "../_shared/crypto.ts";
import { db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { outboundFetch } from "../_shared/outbound.ts";
import { type Credentials, credentials } from "../_shared/providers/credentials.ts";
import { PROVIDERS } from "../oauth/providers/index.ts";
import { type Deps, runExecutor } from "./executor.ts";

let deps: Deps | undefined;
let creds: Promise<Credentials> | undefined;

const getDeps = (): Deps => {
  if (deps) return deps;
  const e = env();
  const sql = db(e.dbUrl);
  const http = { fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init), now: () => Date.now() };
  return deps = {
    sql,
    auth: e.auth,
    settings: e.settings,
    http,
    guardedFetch: outboundFetch(),
    now: http.now,
    budgetMs: 40_000,
    creds: () =>
      creds ??= loadKeyRing(e.settings.GROWTHBASE_TOKEN_KEYS, e.settings.GROWTHBASE_TOKEN_KEY_ID).then((ring) =>
        credentials({
          sql,
          ring,
          reason: "approval executor",
          refresher: (provider) => {
            const p = PROVIDERS[provider as keyof typeof PROVIDERS];
            return p?.refresh ? (token) => p.refresh!(e.settings, http, token) : undefined;
          },
        })
      ),
  };
};

serve((req) => runExecutor(req, getDeps()));
