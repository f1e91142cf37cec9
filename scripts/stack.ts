// npm run stack -- start|stop|reset|status : the embedded local Supabase stack (no Docker).
import { apiUrl, dbUrl, stackConfig, type StackConfig } from "./lib/config.ts";
import { buildDatabase, databaseBuilt, pushMigrations, rebuildDatabase } from "./lib/database.ts";
import { ensureSystemDeps } from "./lib/deps.ts";
import { functionEnv, functionsPid, startFunctions, stopFunctions } from "./lib/functions.ts";
import { initCluster, isRunning, startPostgres, stopPostgres } from "./lib/postgres.ts";
import { portInUse } from "./lib/proc.ts";

const log = (s: string) => console.log(`[stack] ${s}`);

async function assertPortFree(port: number, what: string) {
  if (await portInUse(port)) {
    throw new Error(`port ${port} is already in use by another process; it is needed for ${what}. ` +
      `Stop that process or set GROWTHBASE_${what === "the database" ? "DB" : "API"}_PORT.`);
  }
}

export async function start(c: StackConfig, opts: { quiet?: boolean } = {}): Promise<void> {
  const pgUp = isRunning(c);
  const fnUp = functionsPid(c) !== null;
  if (pgUp && fnUp) {
    log("already running; nothing to do (npm run stack -- reset rebuilds the database)");
    if (!opts.quiet) await status(c);
    return;
  }
  ensureSystemDeps(log);
  if (!pgUp) {
    await assertPortFree(c.dbPort, "the database");
    initCluster(c, log);
    log(`starting PostgreSQL on :${c.dbPort}`);
    startPostgres(c);
  }
  try {
    if (databaseBuilt(c)) pushMigrations(c, log);
    else buildDatabase(c, log);
  } catch (e) {
    if (!pgUp) stopPostgres(c);
    throw e;
  }
  if (!fnUp) {
    await assertPortFree(c.apiPort, "the API");
    log(`starting the functions server on :${c.apiPort}`);
    await startFunctions(c);
  }
  if (!opts.quiet) await status(c);
}

export async function stop(c: StackConfig): Promise<void> {
  await stopFunctions(c);
  stopPostgres(c);
  log("stopped");
}

export async function reset(c: StackConfig): Promise<void> {
  if (!isRunning(c)) await start(c, { quiet: true });
  log("rebuilding the database");
  rebuildDatabase(c, log);
}

export async function status(c: StackConfig): Promise<void> {
  const pg = isRunning(c);
  const fn = functionsPid(c) !== null;
  if (!pg && !fn) {
    console.log("growthbase local stack is not running (npm run dev starts it)");
    process.exitCode = 1;
    return;
  }
  const env = await functionEnv(c);
  const rows: [string, string][] = [
    ["API URL", apiUrl(c)],
    ["Functions URL", `${apiUrl(c)}/functions/v1`],
    ["DB URL", dbUrl(c)],
    ["JWT secret", c.jwtSecret],
    ["anon key", env.SUPABASE_ANON_KEY],
    ["service_role key", env.SUPABASE_SERVICE_ROLE_KEY],
    ["database", pg ? `running (data in ${c.pgData})` : "stopped"],
    ["functions", fn ? "running" : "stopped"],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  console.log("growthbase local stack:\n" + rows.map(([k, v]) => `${k.padStart(w)}: ${v}`).join("\n"));
}

const commands: Record<string, (c: StackConfig) => Promise<void>> = { start, stop, reset, status };

if (import.meta.url === `file://${process.argv[1]}`) {
  const cmd = process.argv[2] ?? "status";
  const fn = commands[cmd];
  if (!fn) {
    console.error(`usage: npm run stack -- ${Object.keys(commands).join("|")}`);
    process.exit(2);
  }
  fn(stackConfig()).catch((e) => {
    console.error(`[stack] ${cmd} failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
