// The embedded PostgreSQL cluster: its own data directory, port 54322, pg_cron preloaded.
// PostgreSQL 15 from this machine's packages; or, for `npm run test:pg17`, PostgreSQL 17 inside a
// Debian trixie chroot (c.chroot), where the same settings and commands run.
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import { join } from "node:path";
import { runInChroot } from "./chroot.ts";
import { type StackConfig } from "./config.ts";
import { spawn } from "node:child_process";
import { isRoot, postgresCommand, run, runAsPostgres, type RunOptions } from "./proc.ts";

/** A cluster path (inside c.chroot when there is one) as this process sees it. */
const local = (c: StackConfig, path: string) => (c.chroot ? join(c.chroot, path) : path);

/** A command as the cluster's own machine runs it (inside c.chroot when there is one). */
const runThere = (c: StackConfig, cmd: string, args: string[], opts: RunOptions = {}) =>
  c.chroot ? runInChroot(c.chroot, [cmd, ...args], opts) : run(cmd, args, opts);

/** A PostgreSQL server binary: it refuses to run as root, so as `postgres`. */
const runServerBinary = (c: StackConfig, cmd: string, args: string[], opts: RunOptions = {}) =>
  c.chroot ? runInChroot(c.chroot, ["runuser", "-u", "postgres", "--", cmd, ...args], opts) : runAsPostgres(cmd, args, opts);

function postgresIds(c: StackConfig): { uid: number; gid: number } {
  const uid = runThere(c, "id", ["-u", "postgres"]).stdout.trim();
  const gid = runThere(c, "id", ["-g", "postgres"]).stdout.trim();
  return { uid: Number(uid), gid: Number(gid) };
}

function ownedDir(c: StackConfig, path: string) {
  mkdirSync(local(c, path), { recursive: true, mode: 0o700 });
  if (isRoot()) {
    const { uid, gid } = postgresIds(c);
    chownSync(local(c, path), uid, gid);
  }
}

export function clusterExists(c: StackConfig): boolean {
  return existsSync(local(c, join(c.pgData, "PG_VERSION")));
}

/** initdb once; settings for a disposable developer cluster (fsync off: data is rebuilt by reset). */
export function initCluster(c: StackConfig, log: (s: string) => void): void {
  if (clusterExists(c)) return;
  const version = c.pgBin.match(/postgresql\/(\d+)\//)?.[1];
  log(`creating ${version ? `PostgreSQL ${version}` : "a PostgreSQL"} cluster in ${local(c, c.pgData)}`);
  ownedDir(c, c.dataDir);
  ownedDir(c, c.socketDir);
  const pwfile = join(c.dataDir, "pwfile");
  writeFileSync(local(c, pwfile), `${c.dbPassword}\n`, { mode: 0o600 });
  if (isRoot()) {
    const { uid, gid } = postgresIds(c);
    chownSync(local(c, pwfile), uid, gid);
  }
  try {
    runServerBinary(c, join(c.pgBin, "initdb"), [
      "-D", c.pgData, "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8",
      "--auth-local=trust", "--auth-host=scram-sha-256", `--pwfile=${pwfile}`,
    ]);
  } finally {
    rmSync(local(c, pwfile), { force: true });
  }
}

/** Settings written before every start, so a changed setting reaches existing clusters too. */
export function writeSettings(c: StackConfig): void {
  const main = local(c, join(c.pgData, "postgresql.conf"));
  if (!readFileSync(main, "utf8").includes("include_if_exists = 'growthbase.conf'")) {
    appendFileSync(main, "\n# growthbase local stack settings\ninclude_if_exists = 'growthbase.conf'\n");
  }
  const path = local(c, join(c.pgData, "growthbase.conf"));
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
    const { uid, gid } = postgresIds(c);
    chownSync(path, uid, gid);
  }
}

export function isRunning(c: StackConfig): boolean {
  if (!clusterExists(c)) return false;
  return runServerBinary(c, join(c.pgBin, "pg_ctl"), ["status", "-D", c.pgData], { allowFail: true }).status === 0;
}

export function startPostgres(c: StackConfig): void {
  writeSettings(c);
  const logFile = join(c.dataDir, "postgres.log");
  const r = runServerBinary(c, join(c.pgBin, "pg_ctl"), ["start", "-D", c.pgData, "-l", logFile, "-w", "-t", "60"], {
    allowFail: true,
  });
  if (r.status !== 0) {
    const tail = existsSync(local(c, logFile)) ? readFileSync(local(c, logFile), "utf8").split("\n").slice(-15).join("\n") : "";
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
  runServerBinary(c, join(c.pgBin, "pg_ctl"), ["stop", "-D", c.pgData, "-m", "fast", "-w", "-t", "60"]);
}

/** stopPostgres without blocking the caller's event loop (a test keeps sending meanwhile). */
export function stopPostgresInBackground(c: StackConfig): Promise<void> {
  const [cmd, args] = postgresCommand(join(c.pgBin, "pg_ctl"), ["stop", "-D", c.pgData, "-m", "fast", "-w", "-t", "60"]);
  return new Promise((resolve, reject) => {
    spawn(cmd, args, { stdio: "ignore" }).once("exit", (code) => code === 0 ? resolve() : reject(new Error(`pg_ctl stop exited ${code}`)));
  });
}

/** psql against the cluster as the superuser over the socket; stops at the first error. */
export function psql(c: StackConfig, args: string[], db = "postgres") {
  return runThere(c, "psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", c.socketDir, "-p", String(c.dbPort), "-U", "postgres", "-d", db, ...args]);
}
