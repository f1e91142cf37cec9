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

import { signJwt } from "../../functions/_shared/jwt.ts";
import { apiKeys } from "../../functions/_shared/jwt.ts";

/** A signed-in user's access token, as GoTrue would issue it. */
export function userJwt(sub: string, email: string) {
  return signJwt({ sub, email, role: "authenticated", aud: "authenticated", exp: Math.floor(Date.now() / 1000) + 3600 }, config.jwtSecret);
}

export async function serviceKey() {
  return (await apiKeys(config.jwtSecret)).serviceRoleKey;
}

export async function anonKey() {
  return (await apiKeys(config.jwtSecret)).anonKey;
}

export interface Person {
  id: string;
  email: string;
  jwt: string;
}

/** A workspace with one user per role (and a slug unique to this run), made as the table owner. */
export async function workspaceWithRoles(sql: postgres.Sql, shopDomain: string | null = null) {
  const tag = crypto.randomUUID().slice(0, 8);
  const people: Record<"owner" | "admin" | "member" | "viewer", Person> = {} as never;
  for (const role of ["owner", "admin", "member", "viewer"] as const) {
    const id = crypto.randomUUID();
    const email = `${role}-${tag}@test.local`;
    await sql`insert into auth.users (id, email) values (${id}, ${email})`;
    people[role] = { id, email, jwt: await userJwt(id, email) };
  }
  const [ws] = await sql`insert into public.workspaces (name, slug, shop_domain, created_by)
    values (${"ws " + tag}, ${"ws-" + tag}, ${shopDomain}, ${people.owner.id}) returning id`;
  for (const role of ["admin", "member", "viewer"] as const) {
    await sql`insert into public.workspace_members (workspace_id, user_id, role) values (${ws.id}, ${people[role].id}, ${role})`;
  }
  return { id: ws.id as string, tag, people };
}
