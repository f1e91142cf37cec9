// What the executor needs from an ad platform, whichever it is: read a campaign's budget and
// status, set the daily budget, pause or resume. One implementation per platform
// (meta_actions.ts, google_ads_actions.ts, tiktok_actions.ts); budgets cross this interface in
// cents (minor units of the account's currency).
import type { Client } from "./http.ts";

export type AdPlatform = "meta" | "google" | "tiktok";

export interface AdCampaignState {
  /** The campaign's daily budget in cents; null when it has none at campaign level. */
  dailyBudgetCents: number | null;
  status: "active" | "paused" | "other";
  /** What the platform said, for the approval's result. */
  raw: Record<string, unknown>;
}

export interface AdActions {
  readonly platform: AdPlatform;
  /** How a call carries the connection's access token. */
  authHeaders(token: string): Record<string, string>;
  read(client: Client, account: string, campaignId: string): Promise<AdCampaignState>;
  setDailyBudget(
    client: Client,
    account: string,
    campaignId: string,
    cents: number,
    state: AdCampaignState,
  ): Promise<Record<string, unknown>>;
  setStatus(
    client: Client,
    account: string,
    campaignId: string,
    status: "active" | "paused",
    state: AdCampaignState,
  ): Promise<Record<string, unknown>>;
}
