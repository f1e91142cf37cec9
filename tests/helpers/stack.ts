// What flows through the running stack need: its config, a superuser pool, tsx for scripts.
import { spawnSync } from "node:child_process";
import postgres from "postgres";
import { apiUrl, binPath, dbUrl, repoRoot, stackConfig } from "../../scripts/lib/config.ts";

export const config = stackConfig();
export const api = apiUrl(config);
export const superuserUrl = dbUrl(config);

export function superuser() {
  return postgres(superuserUrl, { max: 2, onnotice: () => {} });
}

/** Runs `tsx scripts/stack.ts <args>` the way `npm run stack` does. */
export function stackCli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(binPath("tsx"), ["scripts/stack.ts", ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}
