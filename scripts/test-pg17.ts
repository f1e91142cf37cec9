// npm run test:pg17 [-- --rebuild] : the database on PostgreSQL 17, the default for new hosted
// projects. As root; Linux only. In a Debian trixie chroot (made by debootstrap on the first run
// and kept in the data directory; --rebuild makes it anew), a PostgreSQL 17 cluster with pg_cron
// preloaded starts on its own port; the local platform, every migration (by the Supabase CLI, as
// the stack applies them), the Vault secrets and the seed are applied; pg_prove runs
// supabase/tests and `supabase db lint` runs plpgsql_check. Then the cluster stops and is
// removed and the chroot is unmounted: nothing stays running.
import { closeSync, mkdirSync, openSync, readFileSync, realpathSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { ensureDebootstrap, mountAll, removeTree, runInChroot, unmountAll } from "./lib/chroot.ts";
import { dbLint, proveArgs, proveSummary } from "./lib/checks.ts";
import { apiUrl, stackConfig, type StackConfig } from "./lib/config.ts";
import { buildDatabase, migrationFiles, setVaultSecrets } from "./lib/database.ts";
import { publicKeys } from "./lib/keys.ts";
import {
  cannotRun, chrootDir, chrootState, installPackages, lockHolder, packagesLine, pg17Config, pg17Port, planChroot, SUITE,
} from "./lib/pg17.ts";
import { clusterExists, initCluster, isRunning, psql, startPostgres, stopPostgres } from "./lib/postgres.ts";
import { isRoot, portInUse } from "./lib/proc.ts";

const log = (s: string) => console.log(`[pg17] ${s}`);
const rebuild = process.argv.includes("--rebuild");
const times: { what: string; seconds: number; result?: string }[] = [];
let failed = false;
// A signal stops the run after the step under way, so the cleanup below still runs (a run killed
// outright leaves a cluster and mounts behind; the next run removes them first).
let interrupted: string | null = null;
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(sig, () => void (interrupted = sig));

async function timed<T>(what: string, fn: () => T | Promise<T>, result?: (v: T) => string): Promise<T> {
  if (interrupted) throw new Error(`stopped by ${interrupted} before: ${what}`);
  const t0 = performance.now();
  const seconds = () => (performance.now() - t0) / 1000;
  try {
    const v = await fn();
    times.push({ what, seconds: seconds(), result: result?.(v) });
    return v;
  } catch (e) {
    times.push({ what, seconds: seconds(), result: "FAILED" });
    throw e;
  }
}

/** One run at a time per data directory: a second would share the chroot's mounts and the port. */
function takeLock(file: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = lockHolder(readFileSync(file, "utf8"));
      if (holder) throw new Error(`another test:pg17 run (pid ${holder}) is using ${file}; wait for it`);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take ${file}`);
}

/** The cached chroot, made or completed as the plan says; mounted (with the repo at its own path) on return. */
function prepareChroot(dir: string, repoRoot: string): string {
  const plan = planChroot(chrootState(dir), { rebuild });
  if (plan.remove) {
    log(`--rebuild: removing ${dir}`);
    removeTree(dir);
  }
  if (plan.debootstrap) ensureDebootstrap(dir, SUITE, log);
  // Mounts a run killed outright left behind, before mounting again over them.
  unmountAll(dir);
  mountAll(dir, [repoRoot]);
  if (plan.install) installPackages(dir, log);
  return plan.debootstrap ? "made" : plan.install ? "packages installed" : "cached";
}

/** Stops and removes this run's cluster, or (before it starts) one a run cut short left behind. */
function removeCluster(c: StackConfig, dir: string, leftBehind: boolean): void {
  if (clusterExists(c) && isRunning(c)) {
    if (leftBehind) log("stopping a PostgreSQL 17 cluster an earlier run left running");
    stopPostgres(c);
  }
  rmSync(join(dir, c.dataDir), { recursive: true, force: true });
}

async function main(): Promise<void> {
  const why = cannotRun(process.platform, isRoot());
  if (why) throw new Error(why);
  const base = stackConfig();
  mkdirSync(base.dataDir, { recursive: true });
  // Absolute and without symlinks, as /proc/self/mounts names mount points.
  const dir = chrootDir(realpathSync(base.dataDir));
  const release = takeLock(join(base.dataDir, "pg17.lock"));
  const c = pg17Config(base, dir, pg17Port(process.env, base.dbPort));
  try {
    const how = await timed(`chroot (${SUITE})`, () => prepareChroot(dir, base.repoRoot), (h) => h);
    log(`chroot ${how}: ${dir} (${packagesLine()}); \`npm run test:pg17 -- --rebuild\` makes it anew`);
    removeCluster(c, dir, true);
    if (await portInUse(c.dbPort)) {
      throw new Error(`port ${c.dbPort} is already in use; set GROWTHBASE_PG17_PORT to a free port`);
    }
    await timed("cluster: initdb and start", () => {
      initCluster(c, log);
      startPostgres(c);
    });
    log(`PostgreSQL 17 on :${c.dbPort}`);
    const n = migrationFiles(c).length;
    await timed(`local platform, ${n} migrations, seed`, async () => {
      // The Vault secrets before the seed, as the stack sets them: the seed's wake-ups then queue
      // their pg_net requests as they do there.
      const key = (await publicKeys(base)).secretKey;
      buildDatabase(c, log, () => setVaultSecrets(c, apiUrl(c), key));
    });
    log(psql(c, ["-tAc", `select current_setting('server_version') || '; ' || string_agg(extname || ' ' || extversion, ', ' order by extname)
      from pg_extension where extname in ('vector', 'pg_cron', 'pg_trgm', 'pgcrypto')`]).stdout.trim());
    const prove = await timed("pg_prove supabase/tests", () => {
      // From the repo root (bind-mounted at its own path), as npm test runs it.
      const r = runInChroot(dir, ["/bin/sh", "-c", 'cd "$0" && exec pg_prove "$@"', base.repoRoot, ...proveArgs(c)], { allowFail: true });
      console.log(r.output.trim());
      return proveSummary(r.output);
    }, (s) => s.line);
    if (!prove.ok) failed = true;
    const lint = await timed("supabase db lint (plpgsql_check)", () => dbLint(c), (l) => (l.ok ? "no schema errors" : "FAIL"));
    console.log(lint.output);
    if (!lint.ok) failed = true;
  } finally {
    try {
      removeCluster(c, dir, false);
    } finally {
      unmountAll(dir);
      release();
    }
  }
}

const t0 = performance.now();
try {
  await main();
} catch (e) {
  failed = true;
  console.error(`[pg17] failed: ${e instanceof Error ? e.message : String(e)}`);
}
if (times.length) {
  console.log("\n=== PostgreSQL 17, seconds of wall time");
  for (const t of times) console.log(`  ${t.what.padEnd(40)} ${t.seconds.toFixed(1).padStart(6)}${t.result ? `  ${t.result}` : ""}`);
  console.log(`  ${"total".padEnd(40)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)}`);
}
console.log(failed ? "test:pg17 FAILED" : "test:pg17 passed");
process.exit(failed ? 1 : 0);
