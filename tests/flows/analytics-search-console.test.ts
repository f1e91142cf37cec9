// Search Console rankings end to end through the gateway: an admin connects a property (Google
// OAuth with PKCE), the first pull pages through 90 days of search analytics into seo_rankings,
// the daily pull fetches the days Search Console filled in late, the SEO dashboard reads them,
// and every fault: quota (RESOURCE_EXHAUSTED with RetryInfo), server errors, a revoked token
// (refreshed once, then reauth_required until the admin reconnects) and a property the account
// lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectOAuth, day, healthOf, makeDue, runReaches, runsOf } from "../helpers/analytics.ts";
import { loadSeoTiles, loadSources } from "../frontend/analytics-inputs.ts";
import { anonClient, userClient } from "../helpers/api.ts";
import { FakeProviders } from "../helpers/fake-providers.ts";
import { SearchConsoleFake, searchRows } from "../helpers/fakes/search_console.ts";
import { dropWorkspace, superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
const fake = new FakeProviders();
const gsc = fake.mount(new SearchConsoleFake());
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let property: string;
let connectionId: string;
const site = "https://shop.example";

beforeAll(async () => {
  await fake.start();
  ws = await workspaceWithRoles(sql);
  property = `sc-domain:shop-${ws.tag}.example`;
  gsc.properties.set(property, "siteOwner");
  gsc.rows = searchRows(site, day(-90), day(-1), 12);
  gsc.finalThrough = day(-4); // the last three days are not final yet
});
afterAll(async () => {
  await dropWorkspace(sql, ws.tag);
  await fake.stop();
  await sql.end();
});

const rankings = async () =>
  (await sql`select count(*)::int n from public.seo_rankings where workspace_id = ${ws.id} and source = 'search_console'`)[0].n;

describe("connect, first pull, daily pull, dashboard", () => {
  it("connecting a property makes its schedule and pulls 90 days, page by page", async () => {
    connectionId = await connectOAuth(sql, fake, ws.people.admin, ws.id, "google_search_console", property);
    const [sched] = await sql`select source::text, recent_days, backfill_days from public.analytics_sync_schedules
      where connection_id = ${connectionId}`;
    expect(sched).toEqual({ source: "search_console", recent_days: 7, backfill_days: 90 });
    const run = await runReaches(sql, connectionId, "initial", "succeeded");
    expect([run.window_from, run.window_to]).toEqual([day(-90), day(-1)]);
    const final = gsc.rows.filter((r) => r.date <= day(-4)).length;
    expect(run.rows_written).toBe(final);
    expect(run.pages).toBe(Math.ceil((final + 1) / 250));
    expect(await rankings()).toBe(final);
    // what was asked: every dimension by day, final data, rowLimit/startRow paging
    const asked = gsc.queries.filter((q) => q.site === property);
    expect(asked[0].body).toMatchObject({
      startDate: day(-90), endDate: day(-1), dimensions: ["date", "query", "page", "country", "device"], dataState: "final",
      rowLimit: 250, startRow: 0,
    });
    expect(asked.map((q) => q.body.startRow)).toEqual(asked.map((_, i) => i * 250));
    expect(gsc.calls(`/sites/${encodeURIComponent(property)}`).length).toBeGreaterThan(0);
  });

  it("maps Search Console's fields onto the rank-tracking ones, stating what it cannot give", async () => {
    const src = gsc.rows.find((r) => r.date === day(-10) && r.country === "gbr" && r.device === "TABLET")!;
    const [row] = await sql`select keyword, url, location, device::text, position, avg_position::float, clicks, impressions,
        ctr::float, search_volume, featured_snippet, search_engine::text
      from public.seo_rankings where workspace_id = ${ws.id} and source = 'search_console' and tracked_on = ${src.date}
        and keyword = ${src.query} and url = ${src.page} and location = 'gb' and device = 'tablet'`;
    expect(row).toEqual({
      keyword: src.query, url: src.page, location: "gb", device: "tablet",
      position: src.position < 100.5 ? Math.round(src.position) : null, avg_position: Math.round(src.position * 100) / 100,
      clicks: src.clicks, impressions: src.impressions, ctr: Math.round((src.clicks / src.impressions) * 1e6) / 1e6,
      search_volume: null, featured_snippet: null, search_engine: "google",
    });
    const [beyond] = await sql`select count(*)::int n from public.seo_rankings
      where workspace_id = ${ws.id} and avg_position > 100.5 and position is not null`;
    expect(beyond.n).toBe(0);
    const [zz] = await sql`select count(*)::int n from public.seo_rankings where workspace_id = ${ws.id} and location = 'zz'`;
    expect(zz.n).toBeGreaterThan(0); // Search Console's "zzz": an unknown country
  });

  it("the daily pull re-pulls the last days: the late days arrive, a restated day changes, nothing else is written", async () => {
    gsc.finalThrough = day(-1);
    const restated = gsc.rows.find((r) => r.date === day(-5))!;
    restated.clicks += 5;
    await sql`select private.queue_analytics_syncs(${connectionId}, now() + interval '1 day')`;
    const run = await runReaches(sql, connectionId, "daily", "succeeded");
    expect([run.window_from, run.window_to]).toEqual([day(-6), day(0)]);
    expect(run.rows_written).toBe(3 * 12 + 1);
    expect(await rankings()).toBe(gsc.rows.length);
    const [r] = await sql`select clicks from public.seo_rankings where workspace_id = ${ws.id} and tracked_on = ${restated.date}
      and keyword = ${restated.query} and url = ${restated.page} and device = ${restated.device.toLowerCase()}
      and location = ${({ usa: "us", gbr: "gb", deu: "de", zzz: "zz" } as Record<string, string>)[restated.country]!}`;
    expect(r.clicks).toBe(restated.clicks);
    // the same day again is the same job: queueing twice is one pull
    await sql`select private.queue_analytics_syncs(${connectionId}, now() + interval '1 day')`;
    expect((await runsOf(sql, connectionId)).filter((x) => x.kind === "daily")).toHaveLength(1);
  });

  it("the SEO dashboard reads what the sync wrote; the sources view shows the last sync and health", async () => {
    const viewer = await userClient(ws.people.viewer.jwt);
    const from = day(-28);
    const to = day(-1);
    const inRange = gsc.rows.filter((r) => r.date >= from && r.date <= to);
    const byQuery = new Map<string, { clicks: number; impressions: number }>();
    for (const r of inRange) {
      const q = byQuery.get(r.query) ?? { clicks: 0, impressions: 0 };
      q.clicks += r.clicks;
      q.impressions += r.impressions;
      byQuery.set(r.query, q);
    }
    const top = [...byQuery.entries()].sort((a, b) => b[1].clicks - a[1].clicks || b[1].impressions - a[1].impressions || a[0].localeCompare(b[0]))[0];
    const perf = await viewer.rpc("search_performance", { p_workspace_id: ws.id, p_from: from, p_to: to, p_group_by: "query", p_limit: 5 });
    expect(perf.error).toBeNull();
    expect(perf.data![0]).toMatchObject({ key: top[0], clicks: top[1].clicks, impressions: top[1].impressions });
    const days = await viewer.rpc("search_performance", { p_workspace_id: ws.id, p_from: from, p_to: to, p_group_by: "day" });
    expect(days.data!.map((d) => d.key)).toEqual([...new Set(inRange.map((r) => r.date))].sort());

    const overview = await viewer.rpc("seo_overview", { p_workspace_id: ws.id, p_from: from, p_to: to });
    expect(overview.error).toBeNull();
    expect(overview.data).toMatchObject({
      clicks: inRange.reduce((s, r) => s + r.clicks, 0),
      impressions: inRange.reduce((s, r) => s + r.impressions, 0),
      audited_on: null, // no audit yet: the PageSpeed flow fills it
    });

    const admin = await userClient(ws.people.admin.jwt);
    const seen = await admin.from("analytics_sources").select("*").eq("workspace_id", ws.id);
    expect(seen.data).toHaveLength(1);
    expect(seen.data![0]).toMatchObject({
      source: "search_console", provider: "google_search_console", external_account_id: property, health: "ok",
      last_sync_status: "succeeded", enabled: true,
    });
    expect(seen.data![0].last_synced_at).not.toBeNull();
    const asViewer = await viewer.from("analytics_sources").select("source, last_synced_at, health").eq("workspace_id", ws.id);
    expect(asViewer.data).toEqual([{ source: "search_console", last_synced_at: seen.data![0].last_synced_at, health: null }]);
    // the pages a frontend builds from them, compiled against the generated types in strict mode
    expect(await loadSources(admin, ws.id)).toEqual([{ source: "search_console", account: property, lastSync: day(0), status: "succeeded", health: "ok" }]);
    expect((await loadSources(viewer, ws.id))[0].health).toBe("—");
    expect(await loadSeoTiles(viewer, ws.id, from, to)).toMatchObject({ auditedOn: "never", performance: "—", vitalsFrom: "—" });
    const runs = await viewer.from("analytics_sync_runs").select("kind, status").eq("workspace_id", ws.id).order("id");
    expect(runs.data).toEqual([{ kind: "initial", status: "succeeded" }, { kind: "daily", status: "succeeded" }]);
  });
});

describe("faults", () => {
  it("only admins ask for a pull now", async () => {
    for (const who of [ws.people.member, ws.people.viewer]) {
      const r = await (await userClient(who.jwt)).rpc("sync_analytics_source", { p_connection_id: connectionId, p_source: "search_console" });
      expect([r.status, r.error?.code]).toEqual([403, "42501"]);
    }
    const anon = await (await anonClient()).rpc("sync_analytics_source", { p_connection_id: connectionId, p_source: "search_console" });
    expect(anon.status).toBe(401);
    const wrong = await (await userClient(ws.people.admin.jwt)).rpc("sync_analytics_source", { p_connection_id: connectionId, p_source: "fairing" });
    expect([wrong.status, wrong.error?.code]).toEqual([404, "PT404"]);
  });

  it("a quota error waits as long as RetryInfo says, with the connection rate limited, then resumes", async () => {
    gsc.fail({ kind: "throttle", seconds: 30 }, { when: "searchAnalytics" });
    const admin = await userClient(ws.people.admin.jwt);
    const asked = await admin.rpc("sync_analytics_source", { p_connection_id: connectionId, p_source: "search_console" });
    expect(asked.error).toBeNull();
    const run = await runReaches(sql, connectionId, "manual", "waiting");
    expect(run.error).toMatch(/RESOURCE_EXHAUSTED/);
    expect(run.attempts).toBe(0);
    const h = await healthOf(sql, connectionId);
    expect(h.health).toBe("rate_limited");
    const wait = new Date(h.throttled_until!).getTime() - Date.now();
    expect(wait).toBeGreaterThan(20_000);
    expect(wait).toBeLessThan(35_000);
    expect(new Date(run.next_attempt_at!).getTime()).toBeCloseTo(new Date(h.throttled_until!).getTime(), -4);
    // asking again while it waits returns the same pull
    const again = await admin.rpc("sync_analytics_source", { p_connection_id: connectionId, p_source: "search_console" });
    expect(again.data).toBe(asked.data);
    await makeDue(sql, connectionId);
    await runReaches(sql, connectionId, "manual", "succeeded");
    expect((await healthOf(sql, connectionId)).health).toBe("ok");
  });

  it("a server error is retried with backoff (one failure is not yet failing)", async () => {
    gsc.fail({ kind: "status", status: 503, json: { error: { code: 503, message: "The service is currently unavailable.", status: "UNAVAILABLE" } } },
      { when: "searchAnalytics" });
    await sql`select private.sync_analytics_source(${connectionId}, 'search_console')`;
    const run = await runReaches(sql, connectionId, "manual", "retrying");
    expect(run.attempts).toBe(1);
    expect(run.error).toMatch(/UNAVAILABLE/);
    expect(new Date(run.next_attempt_at!).getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect((await healthOf(sql, connectionId)).health).toBe("ok"); // one failure is not failing yet
    await makeDue(sql, connectionId);
    await runReaches(sql, connectionId, "manual", "succeeded");
  });

  it("a revoked token is refreshed once, then the connection needs reconnecting until the admin does", async () => {
    const issuedBefore = fake.issued.length;
    gsc.fail({ kind: "expired_token" }, { times: 2 });
    await sql`select private.sync_analytics_source(${connectionId}, 'search_console')`;
    const run = await runReaches(sql, connectionId, "manual", "waiting");
    expect(run.error).toMatch(/UNAUTHENTICATED/);
    expect(fake.issued.length).toBe(issuedBefore + 1); // one refresh at Google's token endpoint
    const h = await healthOf(sql, connectionId);
    expect(h.health).toBe("reauth_required");
    const [alert] = await sql`select severity::text, title, status::text from public.ops_alerts
      where workspace_id = ${ws.id} and dedupe_key = ${"connection:" + connectionId}`;
    expect(alert).toMatchObject({ severity: "high", status: "open" });
    expect(alert.title).toMatch(/needs to be reconnected/);
    // nothing runs while it waits for the admin
    await makeDue(sql, connectionId);
    await sql`update public.integration_connections set health = 'reauth_required' where id = ${connectionId}`;
    const [claimable] = await sql`select count(*)::int n from private.claim_connector_jobs('analytics_sync', 10)`;
    expect(claimable.n).toBe(0);
    // reconnecting ends it: the waiting pull runs and succeeds
    await connectOAuth(sql, fake, ws.people.admin, ws.id, "google_search_console", property);
    await runReaches(sql, connectionId, "manual", "succeeded");
    expect((await healthOf(sql, connectionId)).health).toBe("ok");
    const [resolved] = await sql`select status::text from public.ops_alerts where dedupe_key = ${"connection:" + connectionId}`;
    expect(resolved.status).toBe("resolved");
  });

  it("a property the account lost is withdrawn access: reauth_required, not a retry", async () => {
    gsc.properties.set(property, "siteUnverifiedUser");
    await sql`select private.sync_analytics_source(${connectionId}, 'search_console')`;
    const run = await runReaches(sql, connectionId, "manual", "waiting");
    expect(run.error).toMatch(/no access to/);
    expect((await healthOf(sql, connectionId)).health).toBe("reauth_required");
    gsc.properties.set(property, "siteFullUser");
    // reconnecting makes the waiting pull due at once (no makeDue here)
    await connectOAuth(sql, fake, ws.people.admin, ws.id, "google_search_console", property);
    await runReaches(sql, connectionId, "manual", "succeeded");
  });
});
