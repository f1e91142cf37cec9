// Meta's Graph API as the Instagram sync meets it: /me/permissions (what the token was granted),
// /me/accounts (pages with their instagram_business_account), an account's profile and its
// insights by day (reach, follower_count; values end at the next day's 07:00/08:00 UTC), its media
// newest first with cursor paging, and each media's lifetime insights. Errors as Meta sends them:
// {error: {message, type, code, error_subcode, fbtrace_id}}, throttling as code 80002 with the
// X-Business-Use-Case-Usage header.
import { FakeProvider, type FakeRequest, type FakeResponse } from "./server.ts";

export interface FakeMedia {
  id: string;
  caption?: string;
  timestamp: string;
  media_type?: string;
  media_product_type?: string;
  likes?: number;
  comments?: number;
  reach?: number;
  saved?: number;
  shares?: number;
  views?: number;
  /** Instagram refuses its insights (posted before the account turned professional). */
  noInsights?: boolean;
}

export interface FakeIgAccount {
  id: string;
  username: string;
  name?: string;
  followers: number;
  /** reach and follower count by day (YYYY-MM-DD). */
  days: Record<string, { reach: number; followers: number }>;
  media: FakeMedia[];
}

export class InstagramFake extends FakeProvider {
  readonly prefix = "/meta/graph/v21.0";
  granted = ["ads_read", "business_management", "pages_show_list", "pages_read_engagement", "instagram_basic", "instagram_manage_insights"];
  accounts: FakeIgAccount[] = [];
  revoked = new Set<string>();

  constructor() {
    super();
    this.on("GET", /^\/me\/permissions$/, (r) => this.authed(r, () => ({
      json: { data: this.granted.map((permission) => ({ permission, status: "granted" })) },
    })));
    this.on("GET", /^\/me\/accounts$/, (r) => this.authed(r, () => ({
      json: {
        data: this.accounts.map((a, i) => ({
          id: `page-${i + 1}`, name: `Page ${i + 1}`, instagram_business_account: { id: a.id, username: a.username },
        })),
        paging: { cursors: { before: "b", after: "a" } },
      },
    })));
    this.on("GET", /^\/(\d+)\/insights$/, (r, m) => this.authed(r, () => this.insights(r, m[1])));
    this.on("GET", /^\/(\d+)\/media$/, (r, m) => this.authed(r, () => this.media(r, m[1])));
    this.on("GET", /^\/(\d+)$/, (r, m) => this.authed(r, () => {
      const a = this.account(m[1]);
      if (!a) return this.unknown(m[1]);
      return { json: { id: a.id, username: a.username, name: a.name ?? a.username, followers_count: a.followers, media_count: a.media.length } };
    }));
  }

  expiredToken(): FakeResponse {
    return {
      status: 400,
      json: {
        error: {
          message: "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.",
          type: "OAuthException", code: 190, error_subcode: 460, fbtrace_id: "AbCdEf123",
        },
      },
    };
  }

  override throttled(_r: FakeRequest, seconds: number): FakeResponse {
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    const usage = Object.fromEntries(this.accounts.map((a) => [a.id, [{
      type: "instagram", call_count: 100, total_cputime: 12, total_time: 34, estimated_time_to_regain_access: minutes,
    }]]));
    return {
      status: 400,
      headers: { "x-business-use-case-usage": JSON.stringify(usage) },
      json: {
        error: {
          message: "There have been too many calls to this Instagram account. Wait a bit and try again.",
          type: "OAuthException", code: 80002, fbtrace_id: "Throttled1",
        },
      },
    };
  }

  private account(id: string) {
    return this.accounts.find((a) => a.id === id);
  }

  private unknown(id: string): FakeResponse {
    return {
      status: 400,
      json: { error: { message: `Unsupported get request. Object with ID '${id}' does not exist`, type: "GraphMethodException", code: 100, error_subcode: 33 } },
    };
  }

  private authed(r: FakeRequest, fn: () => FakeResponse): FakeResponse {
    const token = String(r.headers.authorization ?? "").replace(/^Bearer /, "") || r.query.get("access_token") || "";
    if (!token || this.revoked.has(token)) return this.expiredToken();
    return fn();
  }

  private insights(r: FakeRequest, id: string): FakeResponse {
    const a = this.account(id);
    if (a) {
      const since = Number(r.query.get("since")) * 1000;
      const until = Number(r.query.get("until")) * 1000;
      const days = Object.entries(a.days).filter(([d]) => {
        const t = Date.parse(`${d}T00:00:00Z`);
        return t >= since && t < until;
      }).sort(([x], [y]) => x.localeCompare(y));
      const end = (d: string) => new Date(Date.parse(`${d}T08:00:00Z`) + 86_400_000).toISOString().replace(".000Z", "+0000");
      const series = (name: string, pick: (v: { reach: number; followers: number }) => number) => ({
        name, period: "day", title: name, description: name, id: `${id}/insights/${name}/day`,
        values: days.map(([d, v]) => ({ value: pick(v), end_time: end(d) })),
      });
      return { json: { data: [series("reach", (v) => v.reach), series("follower_count", (v) => v.followers)], paging: {} } };
    }
    const media = this.accounts.flatMap((x) => x.media).find((m) => m.id === id);
    if (!media) return this.unknown(id);
    if (media.noInsights) {
      return {
        status: 400,
        json: { error: { message: "(#10) Not enough viewers for the media to show insights", type: "OAuthException", code: 100, error_subcode: 2108006, error_user_title: "Media Posted Before Business Account Conversion" } },
      };
    }
    const metric = (name: string, value: number) => ({ name, period: "lifetime", values: [{ value }], title: name, id: `${id}/insights/${name}/lifetime` });
    return {
      json: {
        data: [
          metric("reach", media.reach ?? 0), metric("saved", media.saved ?? 0), metric("shares", media.shares ?? 0),
          metric("likes", media.likes ?? 0), metric("comments", media.comments ?? 0), metric("views", media.views ?? 0),
        ],
      },
    };
  }

  private media(r: FakeRequest, id: string): FakeResponse {
    const a = this.account(id);
    if (!a) return this.unknown(id);
    const sorted = [...a.media].sort((x, y) => y.timestamp.localeCompare(x.timestamp));
    const limit = Number(r.query.get("limit") ?? 25);
    const after = r.query.get("after");
    const start = after ? sorted.findIndex((m) => m.id === after) + 1 : 0;
    const page = sorted.slice(start, start + limit);
    const last = page.at(-1);
    const more = start + limit < sorted.length;
    return {
      json: {
        data: page.map((m) => ({
          id: m.id, caption: m.caption, media_type: m.media_type ?? "IMAGE", media_product_type: m.media_product_type ?? "FEED",
          permalink: `https://www.instagram.com/p/${m.id}/`, timestamp: m.timestamp.replace(/\.\d{3}Z$/, "+0000").replace(/Z$/, "+0000"),
          like_count: m.likes ?? 0, comments_count: m.comments ?? 0,
        })),
        paging: {
          cursors: { before: page[0]?.id ?? "", after: last?.id ?? "" },
          ...(more ? { next: `https://graph.facebook.com/v21.0/${id}/media?after=${last?.id}` } : {}),
        },
      },
    };
  }
}
