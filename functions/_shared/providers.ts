// Provider endpoints and credentials from the environment, so tests point them at local fakes.
import { z } from "zod";

const Env = z.object({
  SUPABASE_URL: z.string().url(),
  GROWTHBASE_APP_URL: z.string().url().default("http://127.0.0.1:3000"),
  GROWTHBASE_ENV: z.enum(["development", "test", "production"]).default("development"),
  GROWTHBASE_TOKEN_KEYS: z.string().min(1),
  GROWTHBASE_TOKEN_KEY_ID: z.string().min(1),
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
});
export type ProviderEnv = z.infer<typeof Env>;

export function providerEnv(get: (k: string) => string | undefined): ProviderEnv {
  const raw: Record<string, string> = {};
  for (const k of Object.keys(Env.shape)) {
    const v = get(k);
    if (v !== undefined && v !== "") raw[k] = v;
  }
  return Env.parse(raw);
}

export type OAuthProvider = "shopify" | "google_ads" | "meta";

export const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export function shopAdminUrl(env: ProviderEnv, shop: string): string {
  if (!SHOP_DOMAIN.test(shop)) throw new Error("not a shop domain");
  return env.SHOPIFY_ADMIN_URL.replace("{shop}", shop).replace(/\/$/, "");
}

export function callbackUrl(env: ProviderEnv, provider: OAuthProvider): string {
  return `${env.SUPABASE_URL.replace(/\/$/, "")}/functions/v1/oauth/callback/${provider}`;
}
