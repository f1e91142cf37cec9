// Organic social end to end through the gateway. Instagram through a Meta connection granted
// Instagram's permissions: the linked professional account, its reach and followers by day, its
// media page by page with each post's insights, a scheduled post (and its calendar entry) marked
// published with its Instagram id when it goes out, the daily pull, the social dashboard; faults:
// Meta's throttling (80002 with X-Business-Use-Case-Usage), a revoked token (190). TikTok through a
// TikTok business account (its own OAuth, open_id as the account): account and video insights,
// cursor paging, 40100 throttling, an expired token refreshed, and one whose refresh is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectOAuth, day, healthOf, makeDue, runReaches } from "../helpers/analytics.ts";
import { loadSocialCards } from "../frontend/analytics-inputs.ts";
import { userClient } from "../helpers/api.ts";
import { FakeProviders } from "../helpers/fake-providers.ts";
import { type FakeMedia, InstagramFake } from "../helpers/fakes/instagram.ts";
import { TikTokAccountFake } from "../helpers/fakes/tiktok_account.ts";
import { dropWorkspace, superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
const fake = new FakeProviders();
const ig = fake.mount(new InstagramFake());
const tt = fake.mount(new TikTokAccountFake());
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let metaId: string;
let tiktokId: string;
let scheduledId: string;
const igId = "17841400000000001";
/** Instagram media ids are 17-18 digit numbers; these stay below 2^53. */
const mediaId = (i: number) => String(17900000000000 + i);
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");

beforeAll(async () => {
  await fake.start();
  ws = await workspaceWithRoles(sql);
  const days: Record<string, { reach: number; followers: number }> = {};
  for (let i = 1; i <= 40; i++) days[day(-i)] = { reach: 1000 + i, followers: 1200 - i };
  const media: FakeMedia[] = [];
  for (let i = 0; i < 40; i++) {
    media.push({
      id: mediaId(i), caption: `Post ${i}`, timestamp: hoursAgo(12 + i * 48),
      media_type: i % 3 ? "IMAGE" : "VIDEO", media_product_type: i % 3 ? "FEED" : "REELS",
      likes: 50 + i, comments: 5, reach: 900 + i, saved: 7, shares: 3, views: 2000 + i, noInsights: i === 5,
    });
  }
  media[1].caption = "Winter balm drop ✨  Shop now";
  ig.accounts = [{ id: igId, username: "demobrand", name: "Demo Brand", followers: 1234, days, media }];
  for (let i = 1; i <= 35; i++) {
    tt.days[day(-i)] = { followers: 5000 + i, profile_views: 40 + i, video_views: 900 + i, likes: 80, comments: 9, shares: 4 };
  }
  tt.videos = Array.from({ length: 25 }, (_, i) => ({
    item_id: String(7300000000000000000n + BigInt(i)), create_time: Math.floor(Date.now() / 1000) - (6 + i * 30) * 3600,
    caption: `Video ${i}`, video_views: 3000 + i, likes: 200, comments: 12, shares: 8, reach: 2500,
  }));
});
afterAll(async () => {
  await dropWorkspace(sql, ws.tag);
  await fake.stop();
  await sql.end();
});

describe("Instagram through the Meta connection", () => {
  it("a scheduled post waits in the content calendar", async () => {
    const member = await userClient(ws.people.member.jwt);
    const post = await member.from("social_posts").insert({
      workspace_id: ws.id, platform: "instagram", status: "scheduled", scheduled_at: hoursAgo(12 + 48 + 0.5), // half an hour before it went out
      caption: "winter balm drop ✨ shop now",
    }).select("id").single();
    expect(post.error).toBeNull();
    scheduledId = post.data!.id;
    const entry = await member.from("content_calendar").insert({
      workspace_id: ws.id, title: "Winter balm drop", content_type: "social_post", channel: "organic_social",
      status: "scheduled", scheduled_for: hoursAgo(12 + 48 + 0.5), social_post_id: post.data!.id,
    });
    expect(entry.error).toBeNull();
  });

  it("connecting Meta with Instagram's permissions pulls the linked account, its days and its posts", async () => {
    metaId = await connectOAuth(sql, fake, ws.people.admin, ws.id, "meta", "act_1001");
    // The ad account the connection names starts the ads sync too; its fake is not mounted here, so
    // its schedule is paused and its queued windows set aside (as the demo seed does), or its
    // failures would mark the shared Meta connection failing.
    await sql`update public.ad_sync_schedules set enabled = false where connection_id = ${metaId}`;
    await sql`delete from private.connector_jobs where queue = 'ads_sync' and connection_id = ${metaId}`;
    const [c] = await sql`select scopes from public.integration_connections where id = ${metaId}`;
    expect(c.scopes).toEqual(expect.arrayContaining(["instagram_basic", "instagram_manage_insights"]));
    const run = await runReaches(sql, metaId, "initial", "succeeded");
    expect([run.window_from, run.window_to]).toEqual([day(-30), day(-1)]);
    const [a] = await sql`select id, platform::text, external_account_id, username, display_name, followers::int, posts_count::int
      from public.social_accounts where workspace_id = ${ws.id}`;
    expect(a).toMatchObject({ platform: "instagram", external_account_id: igId, username: "demobrand", followers: 1234, posts_count: 40 });
    const days = await sql`select day::text, reach::int, followers::int from public.social_account_daily where social_account_id = ${a.id} order by day`;
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toEqual({ day: day(-1), reach: 1001, followers: 1199 });
    // posts from the window and the 28 days before it: 58 days = the 29 newest (every 48 hours)
    const posts = await sql`select p.external_post_id, p.media_type, p.url, p.social_account_id, m.likes::int, m.reach::int, m.saves::int, m.views::int
      from public.social_posts p left join public.social_analytics m on m.social_post_id = p.id
      where p.workspace_id = ${ws.id} and p.status = 'published' order by p.published_at desc`;
    const refreshed = ig.accounts[0].media.filter((m) => m.timestamp.slice(0, 10) >= day(-58)).length;
    expect(posts).toHaveLength(refreshed);
    expect(posts[0]).toMatchObject({ external_post_id: mediaId(0), media_type: "REELS", likes: 50, reach: 900, saves: 7, views: 2000,
      url: `https://www.instagram.com/p/${mediaId(0)}/`, social_account_id: a.id });
    // a post whose insights Instagram refuses keeps what the media list says
    expect(posts[5]).toMatchObject({ external_post_id: mediaId(5), likes: 55, reach: null, views: 0 });
    expect(run.pages).toBe(3); // the profile and its days, two pages of media (the second has recent posts too)
    expect(ig.calls(/\/media$/).map((r) => r.query.get("after"))).toEqual([null, mediaId(24)]);
  });

  it("the scheduled post took its Instagram id when it went out, and its calendar entry is published", async () => {
    const [p] = await sql`select external_post_id, status::text, url, caption from public.social_posts where id = ${scheduledId}`;
    expect(p).toEqual({ external_post_id: mediaId(1), status: "published", url: `https://www.instagram.com/p/${mediaId(1)}/`,
      caption: "Winter balm drop ✨  Shop now" }); // the caption as it went out
    const [e] = await sql`select status::text, published_at from public.content_calendar where workspace_id = ${ws.id}`;
    expect(e.status).toBe("published");
    expect(e.published_at).not.toBeNull();
    const [n] = await sql`select count(*)::int n from public.social_posts where workspace_id = ${ws.id} and external_post_id = ${mediaId(1)}`;
    expect(n.n).toBe(1); // matched, not duplicated
  });

  it("the daily pull updates today's figures; the dashboard reads them", async () => {
    ig.accounts[0].media[0].likes = 75;
    await sql`select private.queue_analytics_syncs(${metaId}, now() + interval '1 day')`;
    const run = await runReaches(sql, metaId, "daily", "succeeded");
    expect([run.window_from, run.window_to]).toEqual([day(-2), day(0)]);
    const [m] = await sql`select m.likes::int, count(*) over ()::int n from public.social_analytics m
      join public.social_posts p on p.id = m.social_post_id where p.external_post_id = ${mediaId(0)}`;
    expect(m).toEqual({ likes: 75, n: 1 });
    const viewer = await userClient(ws.people.viewer.jwt);
    const o = await viewer.rpc("social_overview", { p_workspace_id: ws.id, p_from: day(-30), p_to: day(0) });
    expect(o.error).toBeNull();
    const row = o.data!.find((r) => r.platform === "instagram")!;
    const published = ig.accounts[0].media.filter((x) => x.timestamp >= `${day(-30)}T00:00:00Z`).length;
    expect(row).toMatchObject({ accounts: 1, followers: 1234, posts_published: published, scheduled_waiting: 0 });
    expect(row.reach).toBe(Array.from({ length: 30 }, (_, i) => 1001 + i).reduce((s, x) => s + x, 0));
    expect(row.followers_change).toBe(1199 - 1170);
    expect(row.engagement_rate).not.toBeNull();
    expect((await loadSocialCards(viewer, ws.id, day(-30), day(0))).find((c) => c.platform === "instagram"))
      .toMatchObject({ followers: "1,234", growth: "+29", waiting: 0 });
  });

  it("Meta's throttling waits for the estimated time to regain access", async () => {
    ig.fail({ kind: "throttle", seconds: 300 }, { when: /\/media$/ });
    await sql`select private.sync_analytics_source(${metaId}, 'instagram')`;
    const run = await runReaches(sql, metaId, "manual", "waiting");
    expect(run.error).toMatch(/80002/);
    const h = await healthOf(sql, metaId);
    expect(h.health).toBe("rate_limited");
    expect(new Date(h.throttled_until!).getTime() - Date.now()).toBeGreaterThan(280_000);
    await makeDue(sql, metaId);
    await runReaches(sql, metaId, "manual", "succeeded");
  });

  it("a revoked token (190) needs reconnecting; Meta gives no refresh token", async () => {
    ig.fail({ kind: "expired_token" });
    await sql`select private.sync_analytics_source(${metaId}, 'instagram')`;
    const run = await runReaches(sql, metaId, "manual", "waiting");
    expect(run.error).toMatch(/190/);
    expect((await healthOf(sql, metaId)).health).toBe("reauth_required");
    await connectOAuth(sql, fake, ws.people.admin, ws.id, "meta", "act_1001");
    await runReaches(sql, metaId, "manual", "succeeded");
  });

  it("a Meta connection without Instagram's permissions feeds no Instagram pull", async () => {
    ig.granted = ["ads_read", "business_management"];
    const other = await connectOAuth(sql, fake, ws.people.admin, ws.id, "meta", "act_2002");
    expect(await sql`select 1 from public.analytics_sync_schedules where connection_id = ${other}`).toHaveLength(0);
  });
});

describe("TikTok business account", () => {
  it("connects with TikTok's OAuth (the account is the token's open_id) and pulls the account and its videos", async () => {
    tiktokId = await connectOAuth(sql, fake, ws.people.admin, ws.id, "tiktok_account");
    const [c] = await sql`select external_account_id, expires_at from public.integration_connections where id = ${tiktokId}`;
    expect(c.external_account_id).toBe(tt.openId);
    expect(new Date(c.expires_at).getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    const run = await runReaches(sql, tiktokId, "initial", "succeeded");
    expect(run.pages).toBe(3); // the account, two pages of videos
    const [a] = await sql`select id, username, followers::int, posts_count::int from public.social_accounts
      where workspace_id = ${ws.id} and platform = 'tiktok'`;
    expect(a).toMatchObject({ username: "demobrand", followers: 5400, posts_count: 25 });
    const days = await sql`select day::text, followers::int, views::int, profile_views::int from public.social_account_daily
      where social_account_id = ${a.id} order by day`;
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toEqual({ day: day(-1), followers: 5001, views: 901, profile_views: 41 });
    const [v] = await sql`select count(*)::int n, min(m.views)::int lo from public.social_posts p
      join public.social_analytics m on m.social_post_id = p.id where p.workspace_id = ${ws.id} and p.platform = 'tiktok'`;
    expect(v).toEqual({ n: 25, lo: 3000 });
    expect(tt.calls("video/list").map((r) => r.query.get("cursor"))).toEqual([null, "20"]);
  });

  it("40100 throttling waits; an expired token is refreshed once and the pull goes on", async () => {
    tt.fail({ kind: "throttle", seconds: 90 }, { when: "business/get" });
    await sql`select private.sync_analytics_source(${tiktokId}, 'tiktok')`;
    const waiting = await runReaches(sql, tiktokId, "manual", "waiting");
    expect(waiting.error).toMatch(/40100/);
    expect((await healthOf(sql, tiktokId)).health).toBe("rate_limited");
    tt.tokens.clear(); // every token TikTok gave has expired
    await makeDue(sql, tiktokId);
    await runReaches(sql, tiktokId, "manual", "succeeded");
    expect((await healthOf(sql, tiktokId)).health).toBe("ok");
    expect(tt.calls("refresh_token").length).toBe(1);
  });

  it("a refresh TikTok refuses leaves the account waiting for the admin to reconnect", async () => {
    tt.tokens.clear();
    tt.refreshWorks = false;
    await sql`select private.sync_analytics_source(${tiktokId}, 'tiktok')`;
    const run = await runReaches(sql, tiktokId, "manual", "waiting");
    expect(run.error).toMatch(/40105/);
    expect((await healthOf(sql, tiktokId)).health).toBe("reauth_required");
    tt.refreshWorks = true;
    await connectOAuth(sql, fake, ws.people.admin, ws.id, "tiktok_account");
    await runReaches(sql, tiktokId, "manual", "succeeded");
    const sources = await (await userClient(ws.people.admin.jwt)).from("analytics_sources").select("source, health")
      .eq("workspace_id", ws.id).order("source");
    expect(sources.data).toEqual([{ source: "instagram", health: "ok" }, { source: "tiktok", health: "ok" }]);
  });
});
