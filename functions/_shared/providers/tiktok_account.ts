// A TikTok business account's organic side through TikTok's Business API (Accounts): the account
// with its insights by day (business/get with start_date/end_date) and its videos newest first
// with their lifetime figures (business/video/list/, cursor paging, max_count 20), until the
// videos are older than the window and 28 days. Every answer is {code, message, request_id, data}
// with code 0 on success and HTTP 200 either way: 40100 is throttling, 40102/40104/40105 an
// expired or revoked token, 5xxxx TikTok's own failure, anything else a request it refuses.
// Overlap: the ads connector (branch h/ads) has its own TikTok client for the Marketing API with
// the same error rules; they belong in one place once both are on main.
import type { Settings } from "../env.ts";
import { count, daysBefore, type Pull, type Pulled, utcDay } from "./analytics.ts";
import { type Answer, type Client, providerClient, ProviderError, type ProviderHttp } from "./http.ts";
import type { SocialPage } from "./instagram.ts";

const TOKEN_CODES = new Set([40102, 40104, 40105]);

export function classifyTikTok(a: Answer, now: number): ProviderError | null {
  const b = a.body as { code?: unknown; message?: string } | null;
  if (!b || typeof b !== "object" || b.code === undefined || Number(b.code) === 0) return null;
  const code = Number(b.code);
  const what = `TikTok error ${code}: ${b.message ?? "no message"}`;
  const d = { status: a.status, providerCode: code };
  if (code === 40100) {
    const header = a.headers.get("retry-after");
    const wait = header && /^\d+$/.test(header) ? Number(header) * 1000 : 60_000;
    return new ProviderError("throttled", what, { ...d, retryAt: new Date(now + wait) });
  }
  if (TOKEN_CODES.has(code)) return new ProviderError("token_invalid", what, d);
  if (code >= 50000) return new ProviderError("retry_later", what, d);
  return new ProviderError("bad_request", what, d);
}

export function tiktokAccountClient(s: Settings, http: ProviderHttp, onCall?: () => void): Client {
  return providerClient({
    name: "TikTok",
    baseUrl: s.TIKTOK_API_URL,
    timeoutMs: s.ANALYTICS_API_TIMEOUT_MS,
    http,
    classify: classifyTikTok,
    onCall,
  });
}

const ACCOUNT_FIELDS = ["username", "display_name", "followers_count", "videos_count", "metrics"];
const DAY_FIELDS = ["date", "followers_count", "profile_views", "video_views", "likes", "comments", "shares"];
const VIDEO_FIELDS = [
  "item_id",
  "create_time",
  "caption",
  "share_url",
  "video_views",
  "likes",
  "comments",
  "shares",
  "reach",
];
export const VIDEO_REFRESH_DAYS = 28;

interface Envelope<T> {
  code?: number;
  data?: T;
}
interface Account {
  username?: string;
  display_name?: string;
  followers_count?: number;
  videos_count?: number;
  metrics?: Record<string, unknown>[];
}
interface Video {
  item_id?: string;
  create_time?: number | string;
  caption?: string;
  share_url?: string;
  video_views?: number;
  likes?: number;
  comments?: number;
  shares?: number;
  reach?: number;
}

interface Progress {
  phase?: "account" | "videos";
  cursor?: number | string;
}

/** The next page of a pull (progress: {phase, cursor}); the account is the connection's open_id. */
export async function nextTikTokPage(client: Client, pull: Pull, progress: Progress): Promise<Pulled<SocialPage>> {
  if ((progress.phase ?? "account") === "account") {
    const { body } = await client.call<Envelope<Account>>({
      path: "business/get/",
      query: {
        business_id: pull.account,
        start_date: pull.from,
        end_date: pull.to,
        fields: JSON.stringify([...ACCOUNT_FIELDS, ...DAY_FIELDS.filter((f) => !ACCOUNT_FIELDS.includes(f))]),
      },
    });
    const a = body?.data ?? {};
    const days = (a.metrics ?? []).filter((m) => typeof m.date === "string").map((m) => ({
      day: String(m.date).slice(0, 10),
      followers: count(m.followers_count),
      profile_views: count(m.profile_views),
      views: count(m.video_views),
      likes: count(m.likes),
      comments: count(m.comments),
      shares: count(m.shares),
    }));
    return {
      page: {
        platform: "tiktok",
        account: {
          external_id: pull.account,
          username: a.username,
          display_name: a.display_name,
          followers: count(a.followers_count),
          posts_count: count(a.videos_count),
        },
        days,
      },
      progress: { phase: "videos" },
      done: false,
    };
  }
  const { body } = await client.call<Envelope<{ videos?: Video[]; cursor?: number | string; has_more?: boolean }>>({
    path: "business/video/list/",
    query: {
      business_id: pull.account,
      fields: JSON.stringify(VIDEO_FIELDS),
      max_count: 20,
      cursor: progress.cursor,
    },
  });
  const oldest = daysBefore(pull.from, VIDEO_REFRESH_DAYS);
  const videos = (body?.data?.videos ?? []).filter((v) => v.item_id && v.create_time !== undefined);
  const publishedAt = (v: Video) => new Date(Number(v.create_time) * 1000).toISOString();
  const recent = videos.filter((v) => utcDay(publishedAt(v)) >= oldest);
  const more = !!body?.data?.has_more && recent.length === videos.length && videos.length > 0;
  return {
    page: recent.length
      ? {
        platform: "tiktok",
        account: { external_id: pull.account },
        posts: recent.map((v) => ({
          external_id: String(v.item_id),
          url: v.share_url,
          caption: v.caption,
          media_type: "VIDEO",
          published_at: publishedAt(v),
          metrics: {
            views: count(v.video_views),
            likes: count(v.likes),
            comments: count(v.comments),
            shares: count(v.shares),
            reach: count(v.reach),
          },
        })),
      }
      : null,
    progress: { phase: "videos", cursor: body?.data?.cursor },
    done: !more,
  };
}
