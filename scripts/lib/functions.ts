// The functions server process (Deno), started detached with its pid and log in the data dir.
import { spawn } from "node:child_process";
import { existsSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { apiKeys } from "../../functions/_shared/jwt.ts";
import { apiUrl, binPath, dbUrl, type StackConfig } from "./config.ts";
import { sleep } from "./proc.ts";

const pidFile = (c: StackConfig) => join(c.dataDir, "functions.pid");
export const functionsLog = (c: StackConfig) => join(c.dataDir, "functions.log");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function functionsPid(c: StackConfig): number | null {
  if (!existsSync(pidFile(c))) return null;
  const pid = Number(readFileSync(pidFile(c), "utf8"));
  return pid > 0 && alive(pid) ? pid : null;
}

/** Where tests run their fake OAuth providers; the local functions are configured to call it. */
export const fakeProvidersUrl = (c: StackConfig) => `http://127.0.0.1:${c.apiPort + 78}`;

/** Where tests run their fake OpenAI embeddings API (collections that name an OpenAI model). */
export const fakeOpenAiUrl = (c: StackConfig) => `http://127.0.0.1:${c.apiPort + 59}/v1`;

/**
 * Local-only integration settings: provider endpoints on the fake, test credentials, and a
 * token key that exists only on developer machines. Real values come from the environment
 * (`supabase secrets set` in the cloud) and win over these.
 */
export function localIntegrationEnv(c: StackConfig): Record<string, string> {
  const fake = fakeProvidersUrl(c);
  return {
    EMBEDDING_MODEL: "local-lexical-v1",
    OPENAI_API_KEY: "local-openai-key",
    OPENAI_BASE_URL: fakeOpenAiUrl(c),
    EMBEDDING_TIMEOUT_MS: "5000",
    GROWTHBASE_ENV: "development",
    GROWTHBASE_APP_URL: "http://127.0.0.1:3000",
    GROWTHBASE_TOKEN_KEYS: "local1:bG9jYWwtb25seS10b2tlbi1rZXktMzItYnl0ZXMhISE=",
    GROWTHBASE_TOKEN_KEY_ID: "local1",
    SHOPIFY_API_KEY: "local-shopify-key",
    SHOPIFY_API_SECRET: "local-shopify-secret",
    SHOPIFY_ADMIN_URL: `${fake}/shopify/{shop}`,
    GOOGLE_CLIENT_ID: "local-google-client",
    GOOGLE_CLIENT_SECRET: "local-google-secret",
    GOOGLE_AUTH_URL: `${fake}/google/auth`,
    GOOGLE_TOKEN_URL: `${fake}/google/token`,
    GOOGLE_REVOKE_URL: `${fake}/google/revoke`,
    META_APP_ID: "local-meta-app",
    META_APP_SECRET: "local-meta-secret",
    META_AUTH_URL: `${fake}/meta/auth`,
    META_TOKEN_URL: `${fake}/meta/token`,
    TAVUS_WEBHOOK_TOKEN: "local-tavus-token",
    CHATWOOT_WEBHOOK_TOKEN: "local-chatwoot-token",
    MUX_WEBHOOK_SECRET: "local-mux-secret",
  };
}

/** The environment the Supabase edge runtime gives a function, plus local integration settings. */
export async function functionEnv(c: StackConfig): Promise<Record<string, string>> {
  const keys = await apiKeys(c.jwtSecret);
  const own: Record<string, string> = {};
  for (const k of Object.keys(localIntegrationEnv(c))) if (process.env[k]) own[k] = process.env[k]!;
  return {
    ...localIntegrationEnv(c),
    ...own,
    SUPABASE_URL: apiUrl(c),
    SUPABASE_ANON_KEY: keys.anonKey,
    SUPABASE_SERVICE_ROLE_KEY: keys.serviceRoleKey,
    SUPABASE_DB_URL: dbUrl(c),
    SUPABASE_JWT_SECRET: c.jwtSecret,
    GROWTHBASE_API_PORT: String(c.apiPort),
  };
}

export async function startFunctions(c: StackConfig): Promise<void> {
  const out = openSync(functionsLog(c), "a");
  const child = spawn(
    binPath("deno"),
    ["run", "--allow-all", "--no-prompt", "functions/_local/server.ts"],
    {
      cwd: c.repoRoot,
      detached: true,
      stdio: ["ignore", out, out],
      env: { ...process.env, ...(await functionEnv(c)) },
    },
  );
  child.unref();
  writeFileSync(pidFile(c), String(child.pid));
  for (let i = 0; i < 150; i++) {
    if (!alive(child.pid!)) break;
    try {
      const r = await fetch(`${apiUrl(c)}/health`);
      if (r.ok) return;
    } catch { /* not listening yet */ }
    await sleep(200);
  }
  const tail = readFileSync(functionsLog(c), "utf8").split("\n").slice(-20).join("\n");
  await stopFunctions(c);
  throw new Error(`the functions server did not come up on :${c.apiPort}:\n${tail}`);
}

export async function stopFunctions(c: StackConfig): Promise<void> {
  const pid = functionsPid(c);
  if (pid) {
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      process.kill(pid, "SIGTERM");
    }
    for (let i = 0; i < 50 && alive(pid); i++) await sleep(100);
    if (alive(pid)) process.kill(-pid, "SIGKILL");
  }
  rmSync(pidFile(c), { force: true });
}
