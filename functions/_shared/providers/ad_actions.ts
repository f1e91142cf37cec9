// What the executor needs from an ad platform, whichever it is: read a campaign's budget and
// status, set the daily budget, pause or resume. One implementation per platform
// (meta_actions.ts, google_ads_actions.ts, tiktok_actions.ts) on the platform's client
// (meta.ts, google_ads.ts, tiktok.ts: the same settings, authentication and failure rules as the
// ads sync). Budgets cross this interface in minor units of the account's currency.
import type { Client } from "./http.ts";

export type AdPlatform = "meta" | "google" | "tiktok";

export interface AdCampaignState {
  /** The campaign's daily budget in minor units; null when it has none at campaign level. */
  dailyBudgetMinor: number | null;
  status: "active" | "paused" | "other";
  /** What the platform said, for the approval's result. */
  raw: Record<string, unknown>;
}

/** An account: its id on the platform and its currency's minor-unit exponent (2 for USD, 0 for JPY). */
export interface AdAccount {
  id: string;
  exponent: number;
}

export interface AdActions {
  readonly platform: AdPlatform;
  /** How a call carries the connection's access token. */
  authHeaders(token: string): Record<string, string>;
  read(client: Client, account: AdAccount, campaignId: string): Promise<AdCampaignState>;
  setDailyBudget(
    client: Client,
    account: AdAccount,
    campaignId: string,
    minor: number,
    state: AdCampaignState,
  ): Promise<Record<string, unknown>>;
  setStatus(
    client: Client,
    account: AdAccount,
    campaignId: string,
    status: "active" | "paused",
    state: AdCampaignState,
  ): Promise<Record<string, unknown>>;
}

/** A minor-unit amount in major units as an exact decimal string (1234, exponent 2 -> "12.34"). */
export function majorUnits(minor: number, exponent: number): string {
  if (exponent === 0) return String(minor);
  const s = String(Math.abs(minor)).padStart(exponent + 1, "0");
  return `${minor < 0 ? "-" : ""}${s.slice(0, -exponent)}.${s.slice(-exponent)}`;
}
