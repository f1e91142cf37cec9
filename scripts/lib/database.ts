// Building the database: Supabase's platform pieces, then migrations by the real Supabase CLI,
// then the seed. `reset` drops everything and builds it again.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { binPath, cliDbUrl, type StackConfig } from "./config.ts";
import { psql } from "./postgres.ts";
import { CommandError, run } from "./proc.ts";
import { readSupabaseConfig } from "./supabase-config.ts";

export function migrationFiles(c: StackConfig): string[] {
  return readdirSync(join(c.repoRoot, "supabase/migrations")).filter((f) => /^\d{14}_[a-z0-9_]+\.sql$/.test(f)).sort();
}

export function databaseBuilt(c: StackConfig): boolean {
  const r = psql(c, ["-tAc", "select to_regclass('supabase_migrations.schema_migrations') is not null"], c.dbName);
  return r.stdout.trim() === "t";
}

/**
 * The migrations the database recorded that this tree no longer has (none when its history is a
 * prefix of the tree's): a rewritten history, such as the per-domain baseline, means a rebuild.
 */
export function unknownAppliedMigrations(c: StackConfig): string[] {
  const local = new Set(migrationFiles(c).map((f) => f.slice(0, 14)));
  const r = psql(c, ["-tAc", "select version from supabase_migrations.schema_migrations order by version"], c.dbName);
  return r.stdout.split("\n").map((v) => v.trim()).filter((v) => v && !local.has(v));
}

/** Applies pending migrations with `supabase db push`; on failure names the file and the SQL error. */
export function pushMigrations(c: StackConfig, log: (s: string) => void): void {
  const files = migrationFiles(c);
  try {
    const r = run(
      binPath("supabase"),
      ["db", "push", "--db-url", cliDbUrl(c), "--include-all", "--skip-vault", "--yes", "--workdir", c.repoRoot],
      { cwd: c.repoRoot, env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" } },
    );
    const applied = r.output.match(/Applying migration \S+/g) ?? [];
    log(applied.length ? `applied ${applied.length} migration(s)` : `migrations up to date (${files.length})`);
  } catch (e) {
    const out = e instanceof CommandError ? e.output : String(e);
    const file = [...out.matchAll(/Applying migration (\S+?\.sql)/g)].at(-1)?.[1] ?? "(unknown file)";
    const err = out.split("\n").filter((l) => /ERROR|error|At statement|SQLSTATE/.test(l)).join("\n");
    throw new Error(`migration ${file} failed:\n${err || out.trim()}`);
  }
}

export function applyFile(c: StackConfig, file: string): void {
  try {
    psql(c, ["-f", join(c.repoRoot, file)], c.dbName);
  } catch (e) {
    throw new Error(`${file} failed:\n${e instanceof CommandError ? e.output.trim() : String(e)}`);
  }
}

/** Drops and recreates the `postgres` database, then platform, migrations and seed. */
export function rebuildDatabase(c: StackConfig, log: (s: string) => void, beforeSeed?: () => void): void {
  recreateDatabase(c);
  buildDatabase(c, log, beforeSeed);
}

/** What the Supabase platform provides and plain PostgreSQL lacks, applied before the migrations. */
export const LOCAL_PLATFORM = ["supabase/local/platform.sql", "supabase/local/pg_net.sql", "supabase/local/vault.sql"];

/** False for a database built before the local platform had everything it has now. */
export function localPlatformCurrent(c: StackConfig): boolean {
  const r = psql(c, ["-tAc", `select to_regnamespace('graphql_public') is not null and to_regclass('net.http_request_queue') is not null
    and to_regclass('vault.secrets') is not null`], c.dbName);
  return r.stdout.trim() === "t";
}

/**
 * Platform, migrations, the seed files of config.toml; on failure the database is left empty so
 * the next start rebuilds it. beforeSeed runs between the migrations and the seed (the Vault
 * secrets, so work the seed queues for functions reaches the gateway once it runs).
 */
export function buildDatabase(c: StackConfig, log: (s: string) => void, beforeSeed?: () => void): void {
  try {
    for (const f of LOCAL_PLATFORM) applyFile(c, f);
    pushMigrations(c, log);
    beforeSeed?.();
    for (const f of readSupabaseConfig(c.repoRoot).seedFiles) applyFile(c, f);
  } catch (e) {
    recreateDatabase(c);
    throw e;
  }
  log("seeded");
}

/**
 * The two Vault secrets scheduled jobs use to call functions through pg_net (set by hand in a
 * cloud project): this stack's gateway URL and its secret key. Set on every start and reset.
 */
export function setVaultSecrets(c: StackConfig, projectUrl: string, serviceKey: string): void {
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  psql(c, ["-c", `delete from vault.secrets where name in ('project_url', 'service_role_key');
    select vault.create_secret(${lit(projectUrl)}, 'project_url', 'local gateway (set by the embedded stack)');
    select vault.create_secret(${lit(serviceKey)}, 'service_role_key', 'local secret key (set by the embedded stack)');`], c.dbName);
}

/** Tells PostgREST to reload its schema cache (after migrations). */
export function reloadSchemaCache(c: StackConfig): void {
  psql(c, ["-c", "notify pgrst, 'reload schema'"], c.dbName);
}

function recreateDatabase(c: StackConfig): void {
  psql(c, ["-c", `drop database if exists "${c.dbName}" with (force)`], "template1");
  psql(c, ["-c", `create database "${c.dbName}"`], "template1");
}
