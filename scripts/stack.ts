// npm run stack -- start|stop|reset|status|token : the embedded local Supabase stack (no Docker):
// PostgreSQL 15, PostgREST 12 and one gateway (REST, functions, JWKS, pg_net worker).
import { rmSync } from "node:fs";
import { join } from "node:path";
import { describeAnswer, statusAnswers } from "./lib/answers.ts";
import { apiUrl, dbUrl, stackConfig, type StackConfig } from "./lib/config.ts";
import { buildDatabase, databaseBuilt, localPlatformCurrent, pushMigrations, rebuildDatabase, reloadSchemaCache, setVaultSecrets, unknownAppliedMigrations } from "./lib/database.ts";
import { ensureSystemDeps } from "./lib/deps.ts";
import { gatewayLog, gatewayPid, gatewayServesThisStack, startGateway, stopGateway } from "./lib/gateway.ts";
import { publicKeys } from "./lib/keys.ts";
import { initCluster, isRunning, restartPostgres, startPostgres, stopPostgres } from "./lib/postgres.ts";
import { postgrestPid, postgrestReady, startPostgrest, stopPostgrest } from "./lib/postgrest.ts";
import { portInUse } from "./lib/proc.ts";
import { seedStorage } from "./lib/seed-storage.ts";
import { parseTokenArgs, userToken } from "./lib/token.ts";
import { netWorkerLine, schedulerLine } from "./lib/workers.ts";

const log = (s: string) => console.log(`[stack] ${s}`);

async function assertPortFree(port: number, what: "DB" | "API") {
  if (await portInUse(port)) {
    throw new Error(`port ${port} is already in use by another process (another checkout's stack?); it is needed ` +
      `for the ${what === "DB" ? "database" : "API gateway"}. Stop that process or set GROWTHBASE_${what}_PORT.`);
  }
}

async function configureDatabase(c: StackConfig): Promise<void> {
  setVaultSecrets(c, apiUrl(c), (await publicKeys(c)).secretKey);
}

/** What runs between the migrations and the seed: the Vault secrets the seed's wake-ups need. */
async function beforeSeed(c: StackConfig): Promise<() => void> {
  const key = (await publicKeys(c)).secretKey;
  return () => setVaultSecrets(c, apiUrl(c), key);
}

export async function start(c: StackConfig, opts: { quiet?: boolean } = {}): Promise<void> {
  const pgUp = isRunning(c);
  const restUp = postgrestPid(c) !== null;
  const gwUp = gatewayPid(c) !== null;
  if (pgUp && restUp && gwUp) {
    log("already running; nothing to do (npm run stack -- reset rebuilds the database)");
    if (!opts.quiet) await statusOrThrow(c);
    return;
  }
  ensureSystemDeps(log);
  if (!gwUp) await assertPortFree(c.apiPort, "API");
  if (!pgUp) {
    await assertPortFree(c.dbPort, "DB");
    initCluster(c, log);
    log(`starting PostgreSQL on :${c.dbPort}`);
    startPostgres(c);
  }
  let built = false;
  let rebuilt = false;
  try {
    if (!databaseBuilt(c)) {
      buildDatabase(c, log, await beforeSeed(c));
      built = true;
    }
    else if (!localPlatformCurrent(c)) {
      log("the local database predates this stack's platform (pg_net, Vault, graphql_public): rebuilding it");
      rebuildDatabase(c, log, await beforeSeed(c));
      built = rebuilt = true;
    } else if (unknownAppliedMigrations(c).length) {
      log(`the local database was built from migrations this tree no longer has (${unknownAppliedMigrations(c).join(", ")}): rebuilding it`);
      rebuildDatabase(c, log, await beforeSeed(c));
      built = rebuilt = true;
    } else pushMigrations(c, log);
    if (rebuilt) {
      rmSync(join(c.dataDir, "storage"), { recursive: true, force: true });
      log("restarting PostgreSQL (pg_cron's scheduler ended with the dropped database)");
      restartPostgres(c);
    }
    await configureDatabase(c);
    if (restUp) reloadSchemaCache(c);
    else {
      log("starting PostgREST");
      await startPostgrest(c);
    }
    if (!gwUp) {
      log(`starting the gateway on :${c.apiPort}`);
      await startGateway(c);
    }
    if (built) await seedStorage(c, log);
  } catch (e) {
    if (!gwUp) await stopGateway(c);
    if (!restUp) await stopPostgrest(c);
    if (!pgUp) stopPostgres(c);
    throw e;
  }
  if (!opts.quiet) await statusOrThrow(c);
}

/** `status`, then an error unless every URL it asked answered. */
async function statusOrThrow(c: StackConfig): Promise<void> {
  if (!(await status(c))) throw new Error(`not every part answers (see above); the gateway's log is ${gatewayLog(c)}`);
}

export async function stop(c: StackConfig): Promise<void> {
  await stopGateway(c);
  await stopPostgrest(c);
  stopPostgres(c);
  log("stopped");
}

/**
 * Drops and rebuilds the database; PostgREST is restarted around it so its schema cache is fresh,
 * and PostgreSQL too: dropping the database ends pg_cron's launcher for good (it exits cleanly when
 * told to, so the postmaster does not start it again), and without it no scheduled job would run.
 */
export async function reset(c: StackConfig): Promise<void> {
  if (!isRunning(c)) await start(c, { quiet: true });
  log("rebuilding the database");
  // The gateway's functions hold pooled connections into the database being dropped: their first
  // query afterwards would fail (a health check answered 503). They start again with fresh pools.
  await stopGateway(c);
  await stopPostgrest(c);
  rebuildDatabase(c, log, await beforeSeed(c));
  // The Storage API's bytes belong to the objects the old database listed.
  rmSync(join(c.dataDir, "storage"), { recursive: true, force: true });
  log("restarting PostgreSQL (pg_cron's scheduler ended with the old database)");
  restartPostgres(c);
  await configureDatabase(c);
  await startPostgrest(c);
  await startGateway(c);
  await seedStorage(c, log);
}

/** Confirms every part answers and that the ports serve this checkout's stack. */
export async function verify(c: StackConfig): Promise<void> {
  if (!isRunning(c)) throw new Error(`PostgreSQL of this checkout (${c.pgData}) is not running`);
  if (!(await postgrestReady(c))) throw new Error("PostgREST of this checkout is not answering on its socket");
  if (!(await gatewayServesThisStack(c))) {
    throw new Error(`:${c.apiPort} does not answer as this checkout's gateway (another checkout's stack on this port?)`);
  }
}

/** Prints what `supabase status` prints, each URL with what it answered; false if one did not. */
export async function status(c: StackConfig): Promise<boolean> {
  const pg = isRunning(c);
  const rest = postgrestPid(c) !== null;
  const gw = gatewayPid(c) !== null;
  if (!pg && !rest && !gw) {
    console.log("growthbase local stack is not running (npm run dev starts it)");
    process.exitCode = 1;
    return false;
  }
  const k = await publicKeys(c);
  const api = apiUrl(c);
  const answers = await statusAnswers(c, k.publishableKey);
  const scheduler = pg ? schedulerLine(c) : { ok: false, text: "stopped (the database is)" };
  const netWorker = gw && pg ? await netWorkerLine(c) : { ok: false, text: "stopped" };
  const rows: [string, string][] = [
    ["API URL", api],
    ["REST URL", `${api}/rest/v1`],
    ["REST root", describeAnswer(answers.rest)],
    ["Functions URL", `${api}/functions/v1`],
    ["health function", describeAnswer(answers.functions)],
    ["JWKS URL", describeAnswer(answers.jwks)],
    ["DB URL", dbUrl(c)],
    ["Publishable key", k.publishableKey],
    ["Secret key", k.secretKey],
    ["anon key (legacy)", k.anonKey],
    ["service_role key (legacy)", k.serviceRoleKey],
    ["JWT secret (legacy)", c.jwtSecret],
    ["database", pg ? `running (data in ${c.pgData})` : "stopped"],
    ["PostgREST", rest ? "running" : "stopped"],
    ["gateway", gw ? "running" : "stopped"],
    ["scheduler", scheduler.text],
    ["pg_net worker", netWorker.text],
  ];
  const w = Math.max(...rows.map(([key]) => key.length));
  console.log("growthbase local stack:\n" + rows.map(([key, v]) => `${key.padStart(w)}: ${v}`).join("\n") +
    "\nSign in locally: npm run stack -- token owner@demo.test (prints an access token; LOCAL ONLY)");
  const ok = Object.values(answers).every((a) => a.ok) && scheduler.ok && netWorker.ok;
  if (!ok) process.exitCode = 1;
  return ok;
}

async function token(c: StackConfig, args: string[]): Promise<void> {
  const { email, opts } = parseTokenArgs(args);
  if (!isRunning(c)) throw new Error("the local stack is not running: npm run dev");
  console.log(await userToken(c, email, opts));
}

const commands: Record<string, (c: StackConfig, args: string[]) => Promise<void>> = {
  start: (c) => start(c),
  stop,
  reset,
  status: async (c) => void (await status(c)),
  token,
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const cmd = process.argv[2] ?? "status";
  const fn = commands[cmd];
  if (!fn) {
    console.error(`usage: npm run stack -- ${Object.keys(commands).join("|")}`);
    process.exit(2);
  }
  fn(stackConfig(), process.argv.slice(3)).catch((e) => {
    console.error(`[stack] ${cmd} failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
