// Where the local stack lives and how to reach it. Ports follow the Supabase CLI.
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Supabase CLI's well-known local JWT secret; never used outside a developer machine or CI. */
export const LOCAL_JWT_SECRET = "super-secret-jwt-token-with-at-least-32-characters-long";

export interface StackConfig {
  repoRoot: string;
  dataDir: string;
  pgData: string;
  socketDir: string;
  pgBin: string;
  dbPort: number;
  apiPort: number;
  dbPassword: string;
  dbName: string;
  jwtSecret: string;
  /**
   * A Debian chroot the cluster lives in (PostgreSQL 17 for `npm run test:pg17`): pgBin, pgData,
   * socketDir and dataDir are paths inside it, and psql, initdb and pg_ctl run inside it.
   */
  chroot?: string;
}

export function stackConfig(env: NodeJS.ProcessEnv = process.env): StackConfig {
  const id = createHash("sha1").update(repoRoot).digest("hex").slice(0, 8);
  // Outside the repo, and reachable by the postgres OS user when we run as root (not under /root).
  const dataDir = env.GROWTHBASE_DATA_DIR ?? join(tmpdir() === "/tmp" ? "/var/tmp" : tmpdir(), `growthbase-${id}`);
  return {
    repoRoot,
    dataDir,
    pgData: join(dataDir, "pg"),
    socketDir: join(dataDir, "run"),
    pgBin: env.GROWTHBASE_PG_BIN ?? "/usr/lib/postgresql/15/bin",
    dbPort: Number(env.GROWTHBASE_DB_PORT ?? 54322),
    apiPort: Number(env.GROWTHBASE_API_PORT ?? 54321),
    dbPassword: "postgres",
    dbName: "postgres",
    jwtSecret: env.GROWTHBASE_JWT_SECRET ?? LOCAL_JWT_SECRET,
  };
}

export function dbUrl(c: StackConfig, user = "postgres", password = c.dbPassword): string {
  return `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${c.dbPort}/${c.dbName}`;
}

/**
 * The DB URL for the Supabase CLI. Without sslmode it tried TLS and gave up on a fresh machine
 * ("tls error: the server does not support SSL connections"); the local cluster has no TLS.
 */
export function cliDbUrl(c: StackConfig): string {
  return `${dbUrl(c)}?sslmode=disable`;
}

/** A binary from this project's node_modules (supabase, deno, vitest ...). */
export const binPath = (name: string) => join(repoRoot, "node_modules/.bin", name);

/** Identifies this checkout's stack (its data directory), so we never talk to another's on our ports. */
export const stackId = (c: StackConfig) => createHash("sha1").update(c.pgData).digest("hex").slice(0, 12);

export function apiUrl(c: StackConfig): string {
  return `http://127.0.0.1:${c.apiPort}`;
}
