// One ad account as the fake platforms see it: campaigns, ad groups and ads, and a deterministic
// day of delivery per ad (spend, impressions, clicks, purchases, revenue in minor units) that a
// test can restate (a day's numbers change, as platforms revise recent days), rename, pause or
// remove. Each platform fake renders it in its own wire format.

export type Status = "active" | "paused" | "deleted";

export interface Obj {
  id: string;
  name: string;
  status: Status;
  /** The campaign of an ad group, the ad group of an ad. */
  parentId?: string;
  /** Budgets in minor units of the account's currency. */
  dailyBudgetMinor?: number;
  objective?: string;
  /** The first day the object delivered. */
  since: string;
}

export interface DayRow {
  spendMinor: number;
  impressions: number;
  clicks: number;
  purchases: number;
  revenueMinor: number;
}

export interface WorldOptions {
  /** The platform's account id (act_..., a customer id, an advertiser id). */
  accountId: string;
  currency?: string;
  timezone?: string;
  campaigns: number;
  adGroupsPerCampaign: number;
  adsPerAdGroup: number;
  /** Days of history before today (the first delivery day). */
  historyDays: number;
  /** Distinguishes object ids between worlds. */
  seed: number;
}

export const EXPONENT: Record<string, number> = { USD: 2, EUR: 2, GBP: 2, JPY: 0, KWD: 3 };

export const day = (offset: number, from = new Date()) =>
  new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + offset)).toISOString().slice(0, 10);

export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

export class AdWorld {
  readonly accountId: string;
  name: string;
  currency: string;
  timezone: string;
  campaigns: Obj[] = [];
  adGroups: Obj[] = [];
  ads: Obj[] = [];
  /** Restated days: a day's revision changes its numbers. */
  revision = new Map<string, number>();
  /** Extra rows a report adds as they are (malformed ones for the bad-input tests). */
  extraRows: Record<string, unknown>[] = [];

  constructor(readonly o: WorldOptions) {
    this.accountId = o.accountId;
    this.name = `Account ${o.accountId}`;
    this.currency = o.currency ?? "USD";
    this.timezone = o.timezone ?? "UTC";
    const since = day(-o.historyDays);
    const base = 1_000_000 + o.seed * 100_000;
    for (let c = 0; c < o.campaigns; c++) {
      const cid = String(base + c * 1000);
      this.campaigns.push({ id: cid, name: `Campaign ${c + 1}`, status: "active", dailyBudgetMinor: 5000 + c * 100,
        objective: "OUTCOME_SALES", since });
      for (let g = 0; g < o.adGroupsPerCampaign; g++) {
        const gid = String(base + c * 1000 + (g + 1) * 50);
        this.adGroups.push({ id: gid, name: `Ad group ${c + 1}.${g + 1}`, status: "active", parentId: cid,
          dailyBudgetMinor: 1000 + g * 10, since });
        for (let a = 0; a < o.adsPerAdGroup; a++) {
          this.ads.push({ id: String(Number(gid) + a + 1), name: `Ad ${c + 1}.${g + 1}.${a + 1}`, status: "active",
            parentId: gid, since });
        }
      }
    }
  }

  campaign(id: string) {
    return this.campaigns.find((c) => c.id === id)!;
  }
  adGroup(id: string) {
    return this.adGroups.find((g) => g.id === id)!;
  }

  /** An ad's day, or null when it did not deliver (before it started, or a day still to come). */
  row(ad: Obj, d: string): DayRow | null {
    if (d < ad.since || d > day(0)) return null;
    const i = Number(ad.id) % 9973;
    const t = Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
    const rev = this.revision.get(d) ?? 0;
    const spendMinor = 100 + ((i * 7919 + t * 104_729 + rev * 3571) % 4900);
    const impressions = spendMinor * 3 + (t % 97);
    const clicks = Math.floor(impressions / 40);
    const purchases = (i + t + rev) % 4;
    return { spendMinor, impressions, clicks, purchases, revenueMinor: purchases * 2599 };
  }

  /** Every ad's rows of the days from..to, by day then ad. */
  *rows(from: string, to: string): Generator<{ ad: Obj; day: string; row: DayRow }> {
    for (const d of daysBetween(from, to)) {
      for (const ad of this.ads) {
        const row = this.row(ad, d);
        if (row && (row.spendMinor > 0 || row.impressions > 0)) yield { ad, day: d, row };
      }
    }
  }

  restate(d: string) {
    this.revision.set(d, (this.revision.get(d) ?? 0) + 1);
    this.version++;
  }

  /** Bumped by restate(): what a fake's cached report depends on. */
  version = 0;
  private memo: { key: string; value: unknown } | null = null;

  /** The last report built for `key` (paged reports rebuild nothing per page); names and statuses are read live elsewhere. */
  cached<T>(key: string, build: () => T): T {
    const k = `${key}|${this.version}|${this.extraRows.length}`;
    if (this.memo?.key !== k) this.memo = { key: k, value: build() };
    return this.memo.value as T;
  }

  /** A major-unit decimal string of minor units, as Meta and TikTok send amounts. */
  major(minor: number): string {
    const e = EXPONENT[this.currency] ?? 2;
    if (e === 0) return String(minor);
    const s = String(Math.abs(minor)).padStart(e + 1, "0");
    return `${minor < 0 ? "-" : ""}${s.slice(0, -e)}.${s.slice(-e)}`;
  }

  /** Micros of minor units, as Google sends them. */
  micros(minor: number): string {
    return String(BigInt(minor) * 10n ** BigInt(6 - (EXPONENT[this.currency] ?? 2)));
  }

  /** Totals of the campaign over the days, in minor units (what the dashboards should say). */
  totals(from: string, to: string, campaignId?: string) {
    const t = { spendMinor: 0, impressions: 0, clicks: 0, purchases: 0, revenueMinor: 0 };
    for (const { ad, row } of this.rows(from, to)) {
      if (campaignId && this.adGroup(ad.parentId!).parentId !== campaignId) continue;
      t.spendMinor += row.spendMinor;
      t.impressions += row.impressions;
      t.clicks += row.clicks;
      t.purchases += row.purchases;
      t.revenueMinor += row.revenueMinor;
    }
    return t;
  }
}

/** Cursor tokens the fakes hand out: an offset, opaque to the client. */
export const encodeCursor = (n: number) => Buffer.from(`offset:${n}`).toString("base64url");
export const decodeCursor = (s: string | null) => (s ? Number(Buffer.from(s, "base64url").toString().split(":")[1]) || 0 : 0);
