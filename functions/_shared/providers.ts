// Provider addresses derived from the settings (env.ts), shared by oauth and webhooks.
import type { Settings } from "./env.ts";

export const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export function shopAdminUrl(s: Settings, shop: string): string {
  if (!SHOP_DOMAIN.test(shop)) throw new Error("not a shop domain");
  return s.SHOPIFY_ADMIN_URL.replace("{shop}", shop).replace(/\/$/, "");
}

export function callbackUrl(s: Settings, provider: string): string {
  return `${s.SUPABASE_URL.replace(/\/$/, "")}/functions/v1/oauth/callback/${provider}`;
}
