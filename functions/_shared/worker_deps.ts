// What a connector worker (or a function that calls providers) needs from its environment, made
// once per isolate: the database pool, the settings, the token key ring (to decrypt or encrypt
// credentials), fetch and a clock.
import { type KeyRing, loadKeyRing } from "./crypto.ts";
import { db, type Sql } from "./db.ts";
import { env, type Settings } from "./env.ts";

export interface WorkerDeps {
  sql: Sql;
  settings: Settings;
  ring: KeyRing;
  fetch: typeof fetch;
  now: () => number;
}

let deps: Promise<WorkerDeps> | undefined;

export function workerDeps(): Promise<WorkerDeps> {
  return deps ??= (async () => {
    const e = env();
    return {
      sql: db(e.dbUrl),
      settings: e.settings,
      ring: await loadKeyRing(e.settings.GROWTHBASE_TOKEN_KEYS, e.settings.GROWTHBASE_TOKEN_KEY_ID),
      fetch,
      now: () => Date.now(),
    };
  })();
}
