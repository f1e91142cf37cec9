// The providers, listed once: routes, validation and the SQL enum all follow this list.
import { googleAds } from "./google_ads.ts";
import { googleSearchConsole } from "./google_search_console.ts";
import { meta } from "./meta.ts";
import { shopify } from "./shopify.ts";
import { slack } from "./slack.ts";
import { tiktok } from "./tiktok.ts";
import { tiktokAccount } from "./tiktok_account.ts";
import type { OAuthProvider } from "./types.ts";

export const PROVIDERS = {
  shopify,
  google_ads: googleAds,
  google_search_console: googleSearchConsole,
  meta,
  tiktok,
  tiktok_account: tiktokAccount,
  slack,
} satisfies Record<string, OAuthProvider>;
export type ProviderId = keyof typeof PROVIDERS;
export const PROVIDER_IDS = Object.keys(PROVIDERS) as [ProviderId, ...ProviderId[]];
export const isProviderId = (s: string): s is ProviderId => Object.hasOwn(PROVIDERS, s);
