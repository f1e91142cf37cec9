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
export function stackCli(args: string[], env: Record<string, string> = {}, timeoutMs = 120_000) {
  const r = spawnSync(binPath("tsx"), ["scripts/stack.ts", ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: timeoutMs,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

import { signAccessToken } from "../../functions/_local/keys.ts";
import { publicKeys, stackKeys } from "../../scripts/lib/keys.ts";

/** A signed-in user's access token, shaped as GoTrue issues them (ES256, the stack's key). */
export async function userJwt(sub: string, email: string, ttlSeconds = 3600) {
  return signAccessToken(await stackKeys(config), {
    iss: `${api}/auth/v1`, sub, email, role: "authenticated", aud: "authenticated", aal: "aal1", is_anonymous: false,
  }, ttlSeconds);
}

/** The secret key (sb_secret_...): what a server or the database's scheduled calls present. */
export async function serviceKey() {
  return (await publicKeys(config)).secretKey;
}

/** The publishable key (sb_publishable_...): what a browser or storefront presents. */
export async function anonKey() {
  return (await publicKeys(config)).publishableKey;
}

export interface Person {
  id: string;
  email: string;
  jwt: string;
}

/** Removes a workspace made by workspaceWithRoles (by its tag) and its people. */
export async function dropWorkspace(sql: postgres.Sql, tag: string): Promise<void> {
  await sql`delete from public.workspaces where slug = ${"ws-" + tag}`;
  await sql`delete from auth.users where email like ${"%-" + tag + "@test.local"}`;
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
