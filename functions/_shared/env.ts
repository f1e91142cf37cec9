// Configuration, read from the environment and validated once. What Supabase's edge runtime
// gives every hosted function (current key model: SUPABASE_URL, SUPABASE_DB_URL, SUPABASE_JWKS,
// SUPABASE_SECRET_KEYS, and the legacy SUPABASE_SERVICE_ROLE_KEY while it exists), and our own
// settings (secrets set with `supabase secrets set`; local fakes on the embedded stack).
import type { JSONWebKeySet } from "jose";
import { z } from "zod";
import type { AuthConfig } from "./auth.ts";

const Jwk = z.object({ kty: z.string() }).passthrough();
const Jwks = z.union([z.object({ keys: z.array(Jwk) }), z.array(Jwk).transform((keys) => ({ keys }))]);
const KeyMap = z.record(z.string(), z.string().min(1));
const json = <T>(schema: z.ZodType<T>) =>
  z.string().transform((s, ctx) => {
    try {
      return schema.parse(JSON.parse(s));
    } catch {
      ctx.addIssue({ code: "custom", message: "is not valid JSON of the expected shape" });
      return z.NEVER;
    }
  });

const Settings = z.object({
  SUPABASE_URL: z.string().url(),
  SUPABASE_DB_URL: z.string().min(1),
  SUPABASE_JWKS: json(Jwks),
  SUPABASE_SECRET_KEYS: json(KeyMap).default({}),
  SUPABASE_SERVICE_ROLE_KEY: z.string().optional(),
  GROWTHBASE_APP_URL: z.string().url().default("http://127.0.0.1:3000"),
  GROWTHBASE_ENV: z.enum(["development", "test", "production"]).default("development"),
  GROWTHBASE_TOKEN_KEYS: z.string().default(""),
  GROWTHBASE_TOKEN_KEY_ID: z.string().default(""),
  SHOPIFY_API_KEY: z.string().default(""),
  SHOPIFY_API_SECRET: z.string().default(""),
  SHOPIFY_SCOPES: z.string().default("read_orders,read_products,read_customers,read_inventory"),
  /** Base URL of a shop's admin, with {shop} for the shop domain. */
  SHOPIFY_ADMIN_URL: z.string().default("https://{shop}"),
  GOOGLE_CLIENT_ID: z.string().default(""),
  GOOGLE_CLIENT_SECRET: z.string().default(""),
  GOOGLE_AUTH_URL: z.string().url().default("https://accounts.google.com/o/oauth2/v2/auth"),
  GOOGLE_TOKEN_URL: z.string().url().default("https://oauth2.googleapis.com/token"),
  GOOGLE_REVOKE_URL: z.string().url().default("https://oauth2.googleapis.com/revoke"),
  GOOGLE_SCOPES: z.string().default("https://www.googleapis.com/auth/adwords"),
  META_APP_ID: z.string().default(""),
  META_APP_SECRET: z.string().default(""),
  META_AUTH_URL: z.string().url().default("https://www.facebook.com/v21.0/dialog/oauth"),
  META_TOKEN_URL: z.string().url().default("https://graph.facebook.com/v21.0/oauth/access_token"),
  META_SCOPES: z.string().default("ads_read,business_management"),
  TAVUS_WEBHOOK_TOKEN: z.string().default(""),
  CHATWOOT_WEBHOOK_TOKEN: z.string().default(""),
  MUX_WEBHOOK_SECRET: z.string().default(""),
  /** The Storage API the privacy worker stores export documents in; unset: $SUPABASE_URL/storage/v1. */
  GROWTHBASE_STORAGE_URL: z.string().url().optional(),
});
export type Settings = z.infer<typeof Settings>;

export interface FunctionEnv {
  supabaseUrl: string;
  dbUrl: string;
  auth: AuthConfig;
  /** Everything else, validated: app URL, token keys, provider credentials and endpoints. */
  settings: Settings;
}

export function readEnv(get: (k: string) => string | undefined): FunctionEnv {
  const raw: Record<string, string> = {};
  for (const k of Object.keys(Settings.shape)) {
    const v = get(k);
    if (v !== undefined && v !== "") raw[k] = v;
  }
  const r = Settings.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new Error(`environment variable ${String(i.path[0])} ${i.message === "Required" ? "is not set" : i.message}`);
  }
  const s = r.data;
  const serviceKeys = [
    ...Object.values(s.SUPABASE_SECRET_KEYS),
    ...(s.SUPABASE_SERVICE_ROLE_KEY ? [s.SUPABASE_SERVICE_ROLE_KEY] : []),
  ];
  if (!serviceKeys.length) throw new Error("environment variable SUPABASE_SECRET_KEYS is not set");
  return {
    supabaseUrl: s.SUPABASE_URL,
    dbUrl: s.SUPABASE_DB_URL,
    auth: { jwks: s.SUPABASE_JWKS as JSONWebKeySet, serviceKeys },
    settings: s,
  };
}

let cached: FunctionEnv | undefined;
export function env(): FunctionEnv {
  return (cached ??= readEnv((k) => Deno.env.get(k)));
}
