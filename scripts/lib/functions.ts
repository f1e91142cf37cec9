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

/** The environment the Supabase edge runtime gives a function. */
export async function functionEnv(c: StackConfig): Promise<Record<string, string>> {
  const keys = await apiKeys(c.jwtSecret);
  return {
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
