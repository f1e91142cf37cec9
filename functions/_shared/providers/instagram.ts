// Instagram's organic insights through a Meta connection (Graph API). The connection's token
// finds the Instagram professional accounts linked to its Facebook pages (me/accounts with
// instagram_business_account); for each account a pull reads its profile (followers, media count)
// and its insights by day (reach and follower_count, period=day, at most 30 days per request:
// Instagram keeps 30 days of follower counts), then its media newest first (cursor paging) with
// each recent post's lifetime insights, until the posts are older than the window and 28 days.
// Failures are Meta's (error.code): 4, 17, 32, 613 and 80000-80014 (80002: Instagram's) are
// throttling, waiting as long as X-Business-Use-Case-Usage's estimated_time_to_regain_access
// (minutes) says; 190 and 102 an invalid token, 10 and 200-299 a permission withdrawn; a post
// whose insights Instagram refuses (posted before the account turned professional, a story that
// expired) is recorded without them.
// Overlap: the ads connector (branch h/ads) has its own Meta client for the Marketing API; the
// error rules are the same and belong in one place once both are on main.
import type { Settings } from "../env.ts";
import { count, daysBefore, type Pull, type Pulled, utcDay } from "./analytics.ts";
import { type Answer, type Client, providerClient, ProviderError, type ProviderHttp } from "./http.ts";

interface GraphError {
  error?: { message?: string; type?: string; code?: number; error_subcode?: number; is_transient?: boolean };
}

const THROTTLE_CODES = new Set([4, 17, 32, 613]);

/** The longest wait any business use case (or the app) reports, in ms; null without one. */
export function regainAccessMs(headers: Headers): number | null {
  const raw = headers.get("x-business-use-case-usage");
  if (!raw) return null;
  try {
    const usage = JSON.parse(raw) as Record<string, { estimated_time_to_regain_access?: number }[]>;
    let minutes = 0;
    for (const entries of Object.values(usage)) {
      for (const e of entries ?? []) minutes = Math.max(minutes, Number(e.estimated_time_to_regain_access) || 0);
    }
    return minutes > 0 ? minutes * 60_000 : null;
  } catch {
    return null;
  }
}

export function classifyGraph(a: Answer, now: number): ProviderError | null {
  const e = (a.body as GraphError | null)?.error;
  if (!e || typeof e !== "object") return null;
  const code = Number(e.code);
  const what = `Instagram error ${code}${e.error_subcode ? `/${e.error_subcode}` : ""}: ${e.message ?? "no message"}`;
  const d = { status: a.status, providerCode: code };
  if (THROTTLE_CODES.has(code) || (code >= 80000 && code <= 80014)) {
    return new ProviderError("throttled", what, {
      ...d,
      retryAt: new Date(now + (regainAccessMs(a.headers) ?? 60_000)),
    });
  }
  if (code === 190 || code === 102 || code === 10 || (code >= 200 && code <= 299)) {
    return new ProviderError("token_invalid", what, d);
  }
  if (e.is_transient || code === 1 || code === 2 || a.status >= 500) return new ProviderError("retry_later", what, d);
  return new ProviderError("bad_request", what, d);
}

export function instagramClient(s: Settings, http: ProviderHttp, onCall?: () => void): Client {
  return providerClient({
    name: "Instagram",
    baseUrl: s.META_GRAPH_URL,
    timeoutMs: s.ANALYTICS_API_TIMEOUT_MS,
    http,
    classify: classifyGraph,
    onCall,
  });
}

/** Posts published this many days before the window still get their insights refreshed. */
export const MEDIA_REFRESH_DAYS = 28;
const MEDIA_FIELDS = "id,caption,media_type,media_product_type,permalink,timestamp,like_count,comments_count";
const MEDIA_METRICS = "reach,saved,shares,likes,comments,views";

export interface SocialPage {
  platform: "instagram" | "tiktok";
  account: { external_id: string; username?: string; display_name?: string; followers?: number; posts_count?: number };
  days?: Record<string, number | string | undefined>[];
  posts?: {
    external_id: string;
    url?: string;
    caption?: string;
    media_type?: string;
    published_at: string;
    metrics?: Record<string, number | undefined>;
  }[];
}

interface Paged<T> {
  data?: T[];
  paging?: { cursors?: { after?: string }; next?: string };
}
interface Insight {
  name?: string;
  values?: { value?: unknown; end_time?: string }[];
}
interface Media {
  id?: string;
  caption?: string;
  media_type?: string;
  media_product_type?: string;
  permalink?: string;
  timestamp?: string;
  like_count?: number;
  comments_count?: number;
}

interface Progress {
  accounts?: string[];
  index?: number;
  phase?: "profile" | "media";
  after?: string;
}

/** The Instagram professional accounts linked to the token's pages. */
async function linkedAccounts(client: Client): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  for (let i = 0; i < 20; i++) {
    const { body } = await client.call<Paged<{ instagram_business_account?: { id?: string } }>>({
      path: "me/accounts",
      query: { fields: "id,name,instagram_business_account{id,username}", limit: 100, after },
    });
    for (const p of body?.data ?? []) {
      const id = p.instagram_business_account?.id;
      if (id && !ids.includes(id)) ids.push(id);
    }
    after = body?.paging?.next ? body.paging.cursors?.after : undefined;
    if (!after) break;
  }
  return ids;
}

const unix = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000);

async function profilePage(client: Client, id: string, pull: Pull): Promise<SocialPage> {
  const { body: who } = await client.call<
    { id?: string; username?: string; name?: string; followers_count?: number; media_count?: number }
  >({ path: id, query: { fields: "id,username,name,followers_count,media_count" } });
  const since = pull.from < daysBefore(pull.to, 29) ? daysBefore(pull.to, 29) : pull.from;
  const { body } = await client.call<Paged<Insight>>({
    path: `${id}/insights`,
    query: { metric: "reach,follower_count", period: "day", since: unix(since), until: unix(pull.to) + 86_400 },
  });
  const days = new Map<string, Record<string, number | string | undefined>>();
  for (const series of body?.data ?? []) {
    const field = series.name === "follower_count" ? "followers" : series.name === "reach" ? "reach" : null;
    if (!field) continue;
    for (const v of series.values ?? []) {
      if (!v.end_time) continue;
      // a day's value ends at the next midnight (Pacific time): the day is the one before end_time
      const day = utcDay(Date.parse(v.end_time) - 86_400_000);
      if (day < since || day > pull.to) continue;
      const row = days.get(day) ?? { day };
      row[field] = count(v.value);
      days.set(day, row);
    }
  }
  return {
    platform: "instagram",
    account: {
      external_id: who?.id ?? id,
      username: who?.username,
      display_name: who?.name,
      followers: count(who?.followers_count),
      posts_count: count(who?.media_count),
    },
    days: [...days.values()],
  };
}

async function mediaInsights(client: Client, id: string): Promise<Record<string, number | undefined> | undefined> {
  try {
    const { body } = await client.call<Paged<Insight>>({ path: `${id}/insights`, query: { metric: MEDIA_METRICS } });
    const m: Record<string, number | undefined> = {};
    for (const s of body?.data ?? []) {
      const v = count(s.values?.[0]?.value);
      if (s.name === "saved") m.saves = v;
      else if (s.name && ["reach", "shares", "likes", "comments", "views"].includes(s.name)) m[s.name] = v;
    }
    return m;
  } catch (e) {
    if (e instanceof ProviderError && e.kind === "bad_request") return undefined;
    throw e;
  }
}

/** The next page of a pull (progress: {accounts, index, phase, after}). */
export async function nextInstagramPage(client: Client, pull: Pull, progress: Progress): Promise<Pulled<SocialPage>> {
  const accounts = progress.accounts ?? await linkedAccounts(client);
  if (!accounts.length) {
    throw new ProviderError(
      "bad_request",
      "Instagram: no Instagram professional account is linked to the Facebook pages this connection can see",
    );
  }
  const index = progress.index ?? 0;
  const id = accounts[index];
  const nextAccount = (): Pick<Pulled<SocialPage>, "progress" | "done"> =>
    index + 1 < accounts.length
      ? { progress: { accounts, index: index + 1, phase: "profile" }, done: false }
      : { progress: { accounts, index, phase: "media" }, done: true };

  if ((progress.phase ?? "profile") === "profile") {
    return { page: await profilePage(client, id, pull), progress: { accounts, index, phase: "media" }, done: false };
  }
  const { body } = await client.call<Paged<Media>>({
    path: `${id}/media`,
    query: { fields: MEDIA_FIELDS, limit: 25, after: progress.after },
  });
  const oldest = daysBefore(pull.from, MEDIA_REFRESH_DAYS);
  const media = (body?.data ?? []).filter((m) => m.id && m.timestamp);
  const recent = media.filter((m) => utcDay(m.timestamp!) >= oldest);
  const posts: NonNullable<SocialPage["posts"]> = [];
  for (const m of recent) {
    const insights = await mediaInsights(client, m.id!) ?? {};
    posts.push({
      external_id: m.id!,
      url: m.permalink,
      caption: m.caption,
      media_type: m.media_product_type === "REELS" ? "REELS" : m.media_type,
      published_at: new Date(m.timestamp!).toISOString(),
      metrics: {
        ...insights,
        likes: insights.likes ?? count(m.like_count),
        comments: insights.comments ?? count(m.comments_count),
      },
    });
  }
  const after = body?.paging?.next ? body.paging.cursors?.after : undefined;
  const more = !!after && recent.length === media.length && media.length > 0;
  return {
    page: posts.length ? { platform: "instagram", account: { external_id: id }, posts } : null,
    ...(more ? { progress: { accounts, index, phase: "media", after }, done: false } : nextAccount()),
  };
}
