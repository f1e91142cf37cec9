// POST /functions/v1/approval-executor with the secret key: executes approved actions (executor.ts).
// The database wakes it when an approval is approved; the connector sweeper wakes it for retries.
import { type ConnectorDeps, connectorDeps } from "../_shared/connector_deps.ts";
import { serve } from "../_shared/http.ts";
import { type Credentials, credentials } from "../_shared/providers/credentials.ts";
import { PROVIDERS } from "../oauth/providers/index.ts";
import { type Deps, runExecutor } from "./executor.ts";

/** Tokens through the audited read, refreshed once where the provider issues refresh tokens. */
function executorCredentials(c: ConnectorDeps): Credentials {
  return credentials({
    sql: c.sql,
    ring: c.ring,
    reason: "approval executor",
    refresher: (provider) => {
      const p = PROVIDERS[provider as keyof typeof PROVIDERS];
      return p?.refresh ? (token) => p.refresh!(c.settings, c, token) : undefined;
    },
  });
}

let deps: Promise<Deps> | undefined;
const getDeps = () =>
  deps ??= connectorDeps(40_000).then((c) => {
    const creds = executorCredentials(c);
    return { ...c, http: c, creds: () => Promise.resolve(creds) };
  });

serve(async (req) => runExecutor(req, await getDeps()));
