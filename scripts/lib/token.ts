// `npm run stack -- token <email>`: an access token for a local user, shaped like the ones
// GoTrue issues (ES256, signed with the stack's key). LOCAL ONLY: no auth server runs in the
// embedded stack, so this is how a developer or a test signs in.
import { signAccessToken } from "../../functions/_local/keys.ts";
import { apiUrl, type StackConfig } from "./config.ts";
import { stackKeys } from "./keys.ts";
import { psql } from "./postgres.ts";

export interface TokenOptions {
  /** The role claim: authenticated (a signed-in user, default) or anon/service_role for tests. */
  role?: "authenticated" | "anon" | "service_role";
  ttlSeconds?: number;
  /** Create the auth.users row when the email is unknown. */
  create?: boolean;
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The user's id, creating the auth.users row if asked; throws a clear message otherwise. */
export function localUserId(c: StackConfig, email: string, create: boolean): string {
  const e = email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e)) throw new Error(`not an email address: ${email}`);
  const found = psql(c, ["-tAc", `select id from auth.users where lower(email) = ${lit(e)} limit 1`], c.dbName).stdout.trim();
  if (found) return found;
  if (!create) throw new Error(`no user ${e} in auth.users; pass --create to add one`);
  return psql(c, ["-tAc", `insert into auth.users (id, aud, role, email, raw_app_meta_data, raw_user_meta_data,
      email_confirmed_at, created_at, updated_at)
    values (gen_random_uuid(), 'authenticated', 'authenticated', ${lit(e)}, '{"provider":"email","providers":["email"]}',
      '{}', now(), now(), now()) returning id`], c.dbName).stdout.trim().split("\n")[0];
}

export async function userToken(c: StackConfig, email: string, opts: TokenOptions = {}): Promise<string> {
  const id = localUserId(c, email, opts.create ?? false);
  const role = opts.role ?? "authenticated";
  const now = Math.floor(Date.now() / 1000);
  return await signAccessToken(await stackKeys(c), {
    iss: `${apiUrl(c)}/auth/v1`,
    sub: id,
    aud: "authenticated",
    email: email.trim().toLowerCase(),
    phone: "",
    app_metadata: { provider: "email", providers: ["email"] },
    user_metadata: {},
    role,
    aal: "aal1",
    amr: [{ method: "password", timestamp: now }],
    session_id: crypto.randomUUID(),
    is_anonymous: false,
  }, opts.ttlSeconds ?? 3600);
}

/** Parses `token <email> [--role r] [--ttl seconds] [--create]`. */
export function parseTokenArgs(args: string[]): { email: string; opts: TokenOptions } {
  let email: string | undefined;
  const opts: TokenOptions = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--create") opts.create = true;
    else if (a === "--role") {
      const r = args[++i];
      if (r !== "authenticated" && r !== "anon" && r !== "service_role") {
        throw new Error("--role must be authenticated, anon or service_role");
      }
      opts.role = r;
    } else if (a === "--ttl") {
      const t = Number(args[++i]);
      if (!Number.isInteger(t) || t < 1 || t > 7 * 24 * 3600) throw new Error("--ttl must be whole seconds, 1 to 604800");
      opts.ttlSeconds = t;
    } else if (!a.startsWith("--") && !email) email = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  if (!email) throw new Error("usage: npm run stack -- token <email> [--role authenticated] [--ttl 3600] [--create]");
  return { email, opts };
}
