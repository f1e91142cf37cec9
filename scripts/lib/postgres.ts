// The embedded PostgreSQL 15 cluster: its own data directory, port 54322, pg_cron preloaded.
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import { join } from "node:path";
import { type StackConfig } from "./config.ts";
import { isRoot, run, runAsPostgres } from "./proc.ts";

function postgresIds(): { uid: number; gid: number } {
  const out = run("id", ["-u", "postgres"]).stdout.trim();
  const gid = run("id", ["-g", "postgres"]).stdout.trim();
  return { uid: Number(out), gid: Number(gid) };
}

function ownedDir(path: string) {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  if (isRoot()) {
    const { uid, gid } = postgresIds();
    chownSync(path, uid, gid);
  }
}

export function clusterExists(c: StackConfig): boolean {
  return existsSync(join(c.pgData, "PG_VERSION"));
}

/** initdb once; settings for a disposable developer cluster (fsync off: data is rebuilt by reset). */
export function initCluster(c: StackConfig, log: (s: string) => void): void {
  if (clusterExists(c)) return;
  log(`creating PostgreSQL 15 cluster in ${c.pgData}`);
  ownedDir(c.dataDir);
  ownedDir(c.socketDir);
  const pwfile = join(c.dataDir, "pwfile");
  writeFileSync(pwfile, `${c.dbPassword}\n`, { mode: 0o600 });
  if (isRoot()) {
    const { uid, gid } = postgresIds();
    chownSync(pwfile, uid, gid);
  }
  try {
    runAsPostgres(join(c.pgBin, "initdb"), [
      "-D", c.pgData, "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8",
      "--auth-local=trust", "--auth-host=scram-sha-256", `--pwfile=${pwfile}`,
    ]);
  } finally {
    rmSync(pwfile, { force: true });
  }
}

/** Settings written before every start, so a changed setting reaches existing clusters too. */
export function writeSettings(c: StackConfig): void {
  const main = join(c.pgData, "postgresql.conf");
  if (!readFileSync(main, "utf8").includes("include_if_exists = 'growthbase.conf'")) {
    appendFileSync(main, "\n# growthbase local stack settings\ninclude_if_exists = 'growthbase.conf'\n");
  }
  const path = join(c.pgData, "growthbase.conf");
  writeFileSync(
    path,
    [
      "# Written by scripts/lib/postgres.ts on every start; edit there.",
      `port = ${c.dbPort}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${c.socketDir}'`,
      "shared_preload_libraries = 'pg_cron'",
      "cron.database_name = 'postgres'",
      // Jobs run in background workers: no libpq connection, so no password for cron to hold.
      "cron.use_background_workers = on",
      "max_worker_processes = 32",
      // Logical decoding (pgoutput) feeds the gateway's Realtime server, as WAL feeds Supabase's.
      "wal_level = logical",
      "max_replication_slots = 10",
      "max_connections = 200",
      // A disposable developer cluster: `reset` rebuilds it from the repo.
      "fsync = off",
      "full_page_writes = off",
      "synchronous_commit = off",
      "log_min_messages = warning",
      "",
    ].join("\n"),
  );
  if (isRoot()) {
    const { uid, gid } = postgresIds();
    chownSync(path, uid, gid);
  }
}

export function isRunning(c: StackConfig): boolean {
  if (!clusterExists(c)) return false;
  return runAsPostgres(join(c.pgBin, "pg_ctl"), ["status", "-D", c.pgData], { allowFail: true }).status === 0;
}

export function startPostgres(c: StackConfig): void {
  writeSettings(c);
  const logFile = join(c.dataDir, "postgres.log");
  const r = runAsPostgres(join(c.pgBin, "pg_ctl"), ["start", "-D", c.pgData, "-l", logFile, "-w", "-t", "60"], {
    allowFail: true,
  });
  if (r.status !== 0) {
    const tail = existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n") : "";
    throw new Error(`PostgreSQL did not start:\n${r.output.trim()}\n${tail}`);
  }
}

/**
 * Stops and starts the cluster. pg_cron's launcher is a background worker that exits for good when
 * its database is dropped (reset drops it): only a new postmaster starts it again.
 */
export function restartPostgres(c: StackConfig): void {
  stopPostgres(c);
  startPostgres(c);
}

export function stopPostgres(c: StackConfig): void {
  if (!isRunning(c)) return;
  runAsPostgres(join(c.pgBin, "pg_ctl"), ["stop", "-D", c.pgData, "-m", "fast", "-w", "-t", "60"]);
}

/** psql against the cluster as the superuser over the socket; stops at the first error. */
export function psql(c: StackConfig, args: string[], db = "postgres") {
  return run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", c.socketDir, "-p", String(c.dbPort), "-U", "postgres", "-d", db, ...args]);
}
