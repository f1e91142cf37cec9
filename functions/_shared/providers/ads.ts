// What the ad platform clients (meta.ts, google_ads.ts, tiktok.ts) have in common: the page they
// hand to SQL (private.apply_ad_sync_page, whose header documents the format) and the three
// steps of a sync window, each resumable from a cursor saved with the page before it.
import type { Client } from "./http.ts";

export type AdStatus = "draft" | "active" | "paused" | "archived" | "deleted";

/** Amounts as the platform sends them: decimal strings in major units, or *_minor / *_micros. */
export interface AdObject {
  external_id: string;
  name: string;
  status: AdStatus;
  campaign_external_id?: string;
  ad_group_external_id?: string;
  objective?: string | null;
  daily_budget?: string | null;
  daily_budget_minor?: string | null;
  daily_budget_micros?: string | null;
  lifetime_budget?: string | null;
  lifetime_budget_minor?: string | null;
  lifetime_budget_micros?: string | null;
  bid_strategy?: string | null;
  cpc_bid_micros?: string | null;
  creative_id?: string | null;
  start_date?: string | null;
  end_date?: string | null;
}

export interface MetricRow {
  level: "ad" | "ad_group";
  external_id: string;
  name?: string;
  ad_group_external_id?: string;
  ad_group_name?: string;
  campaign_external_id?: string;
  campaign_name?: string;
  day: string;
  currency?: string;
  spend?: string;
  spend_micros?: string;
  impressions?: string;
  clicks?: string;
  conversions?: string;
  revenue?: string;
  revenue_micros?: string;
}

export interface AdsPage {
  fetched_at: string;
  account?: { name?: string; currency: string; timezone?: string };
  campaigns?: AdObject[];
  ad_groups?: AdObject[];
  ads?: AdObject[];
  metrics?: MetricRow[];
  settings?: { restatement_days?: number };
  structure_complete?: boolean;
  metrics_complete?: { derive_from: "ad" | "ad_group" };
}

/** A step's output: a page and where to resume after it, or a wait (the platform is preparing a report). */
export type Step<C> =
  | { page: AdsPage; cursor: C | null }
  | { waitUntil: Date; cursor: C };

export interface SyncContext {
  /** The platform's client, signing each call with the connection's token (credentials.authorizedClient). */
  client: Client;
  /** The platform's account id: act_... for Meta, the customer id for Google, the advertiser id for TikTok. */
  account: string;
  now: () => number;
}

export interface Window {
  from: string;
  to: string;
}

/** One platform's sync: the account, its structure, a window of daily rows. */
export interface AdsSource<C = unknown> {
  readonly platform: "meta" | "google" | "tiktok";
  /** How a call carries the access token. */
  authHeaders(token: string): Record<string, string>;
  account(ctx: SyncContext): Promise<AdsPage>;
  /** Campaigns, ad groups and ads in pages; the last page says structure_complete. */
  structure(ctx: SyncContext, cursor: C | null): AsyncGenerator<Step<C>>;
  /** Daily rows of the window in pages; the last says metrics_complete. */
  metrics(ctx: SyncContext, w: Window, cursor: C | null): AsyncGenerator<Step<C>>;
}

/** The number a JSON value holds, as text exactly as written (strings stay strings; numbers in shortest form). */
export function decimalText(v: unknown): string | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v === "number") return Number.isFinite(v) ? numberText(v) : undefined;
  return String(v);
}

/** A JS number as a plain decimal string (no exponent): 1e-7 -> "0.0000001". */
function numberText(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  const [m, e] = s.toLowerCase().split("e");
  const exp = Number(e);
  const neg = m.startsWith("-");
  const [int, frac = ""] = (neg ? m.slice(1) : m).split(".");
  const digits = int + frac;
  const point = int.length + exp;
  const out = point <= 0
    ? `0.${"0".repeat(-point)}${digits}`
    : point >= digits.length
    ? digits + "0".repeat(point - digits.length)
    : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (neg ? "-" : "") + out;
}

/** Days between two ISO dates, both included. */
export function windowDays(w: Window): number {
  return Math.round((Date.parse(`${w.to}T00:00:00Z`) - Date.parse(`${w.from}T00:00:00Z`)) / 86_400_000) + 1;
}

export const isoNow = (now: () => number) => new Date(now()).toISOString();
