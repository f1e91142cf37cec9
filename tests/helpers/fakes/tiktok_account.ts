// TikTok's Business API for a TikTok account holder, as the organic sync meets it: the OAuth
// token and refresh endpoints (tt_user/oauth2/...), business/get (the account with its metrics by
// day between start_date and end_date) and business/video/list/ (newest first, cursor and
// has_more). Every answer is {code, message, request_id, data} over HTTP 200; the access token
// comes in the Access-Token header.
import { FakeProvider, type FakeRequest, type FakeResponse } from "./server.ts";

export interface FakeVideo {
  item_id: string;
  create_time: number;
  caption?: string;
  video_views?: number;
  likes?: number;
  comments?: number;
  shares?: number;
  reach?: number;
}

export class TikTokAccountFake extends FakeProvider {
  readonly prefix = "/tiktok/open_api/v1.3";
  openId = "-000Zz_TikTokOpenId";
  username = "demobrand";
  followers = 5400;
  days: Record<string, { followers: number; profile_views: number; video_views: number; likes: number; comments: number; shares: number }> = {};
  videos: FakeVideo[] = [];
  /** Tokens it issued and still accepts. */
  tokens = new Set<string>();
  /** When false, the refresh endpoint refuses (a revoked authorisation). */
  refreshWorks = true;
  private n = 0;

  constructor() {
    super();
    this.on("POST", /^\/tt_user\/oauth2\/token\/$/, (r) => {
      const b = r.json as { client_id?: string; client_secret?: string; auth_code?: string; grant_type?: string };
      if (b?.grant_type !== "authorization_code" || !b.auth_code) return this.envelope(10000, "Invalid auth code", {});
      if (!b.client_id || !b.client_secret) return this.envelope(40001, "client_id and client_secret are required", {});
      return this.envelope(0, "OK", this.issue());
    });
    this.on("POST", /^\/tt_user\/oauth2\/refresh_token\/$/, (r) => {
      const b = r.json as { refresh_token?: string; grant_type?: string };
      if (!this.refreshWorks || b?.grant_type !== "refresh_token" || !b.refresh_token?.startsWith("tt-refresh-")) {
        return this.envelope(10002, "The refresh token is invalid or has expired", {});
      }
      return this.envelope(0, "OK", this.issue());
    });
    this.on("GET", /^\/business\/get\/$/, (r) => this.authed(r, () => this.account(r)));
    this.on("GET", /^\/business\/video\/list\/$/, (r) => this.authed(r, () => this.list(r)));
  }

  expiredToken(): FakeResponse {
    return this.envelope(40105, "The access token is invalid or has expired. Please refresh it or re-authorize.", {});
  }

  override throttled(_r: FakeRequest, seconds: number): FakeResponse {
    const res = this.envelope(40100, "Too many requests. Please retry in some time.", {});
    return { ...res, headers: { "retry-after": String(seconds) } };
  }

  private envelope(code: number, message: string, data: unknown): FakeResponse {
    return { json: { code, message, request_id: `req-${++this.n}`, data } };
  }

  private issue() {
    const access = `tt-act-${this.n}-${Math.random().toString(36).slice(2)}`;
    this.tokens.add(access);
    return {
      access_token: access, token_type: "bearer", scope: "user.info.basic,user.info.stats,user.insights,video.list,video.insights",
      expires_in: 86400, refresh_token: `tt-refresh-${Math.random().toString(36).slice(2)}`, refresh_token_expires_in: 31536000,
      open_id: this.openId,
    };
  }

  private authed(r: FakeRequest, fn: () => FakeResponse): FakeResponse {
    const token = String(r.headers["access-token"] ?? "");
    if (!this.tokens.has(token)) return this.expiredToken();
    if (r.query.get("business_id") !== this.openId) return this.envelope(40002, "business_id is invalid", {});
    return fn();
  }

  private account(r: FakeRequest): FakeResponse {
    const from = r.query.get("start_date") ?? "";
    const to = r.query.get("end_date") ?? "";
    const fields = JSON.parse(r.query.get("fields") ?? "[]") as string[];
    if (!fields.includes("username")) return this.envelope(40002, "fields is invalid", {});
    const metrics = Object.entries(this.days).filter(([d]) => d >= from && d <= to).sort(([a], [b]) => a.localeCompare(b))
      .map(([date, v]) => ({
        date, followers_count: v.followers, profile_views: v.profile_views, video_views: v.video_views, likes: v.likes,
        comments: v.comments, shares: v.shares,
      }));
    return this.envelope(0, "OK", {
      username: this.username, display_name: "Demo Brand", profile_image: "https://p16.tiktokcdn.com/demo.jpeg",
      followers_count: this.followers, videos_count: this.videos.length, metrics,
    });
  }

  private list(r: FakeRequest): FakeResponse {
    const max = Math.min(20, Number(r.query.get("max_count") ?? 20));
    const cursor = Number(r.query.get("cursor") ?? 0);
    const sorted = [...this.videos].sort((a, b) => b.create_time - a.create_time);
    const page = sorted.slice(cursor, cursor + max);
    return this.envelope(0, "OK", {
      videos: page.map((v) => ({
        item_id: v.item_id, create_time: v.create_time, caption: v.caption ?? "",
        share_url: `https://www.tiktok.com/@${this.username}/video/${v.item_id}`,
        video_views: v.video_views ?? 0, likes: v.likes ?? 0, comments: v.comments ?? 0, shares: v.shares ?? 0, reach: v.reach ?? 0,
      })),
      cursor: cursor + page.length,
      has_more: cursor + page.length < sorted.length,
    });
  }
}
