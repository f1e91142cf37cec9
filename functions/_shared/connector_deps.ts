// What a connector's worker function needs, made once per instance from the environment: the
// pool, who may call it, the settings (provider endpoints and credentials), the token key ring,
// fetch and a clock (tests pass their own), and its time budget per call.
import type { AuthConfig } from "./auth.ts";
import { type KeyRing, loadKeyRing } from "./crypto.ts";
import { db, type Sql } from "./db.ts";
import { env, type Settings } from "./env.ts";
import type { ProviderHttp } from "./providers/http.ts";

export interface ConnectorDeps extends ProviderHttp {
  sql: Sql;
  auth: AuthConfig;
  settings: Settings;
  ring: KeyRing;
  /** Start no new work after this many milliseconds of a call. */
  budgetMs: number;
}

export async function connectorDeps(budgetMs: number): Promise<ConnectorDeps> {
  const e = env();
  return {
    sql: db(e.dbUrl),
    auth: e.auth,
    settings: e.settings,
    ring: await loadKeyRing(e.settings.GROWTHBASE_TOKEN_KEYS, e.settings.GROWTHBASE_TOKEN_KEY_ID),
    fetch,
    now: () => Date.now(),
    budgetMs,
  };
}
