// Core Web Vitals and audits from PageSpeed Insights end to end through the gateway: an admin
// connects the shop's site, members list its key pages (on the site only), the first pull audits
// each page and strategy (field data where CrUX has the page, lab data otherwise, a page
// Lighthouse cannot load recorded as that page's error), seo_audits gets the site's day, the SEO
// dashboard reads it, the daily pull audits again; faults: quota with RetryInfo, a key Google
// refuses (reauth_required).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { day, healthOf, makeDue, runReaches } from "../helpers/analytics.ts";
import { loadSeoTiles } from "../frontend/analytics-inputs.ts";
import { userClient } from "../helpers/api.ts";
import { FakeProviders } from "../helpers/fake-providers.ts";
import { PagespeedFake } from "../helpers/fakes/pagespeed.ts";
import { dropWorkspace, superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
const fake = new FakeProviders();
const psi = fake.mount(new PagespeedFake());
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let site: string;
let connectionId: string;

beforeAll(async () => {
  await fake.start();
  ws = await workspaceWithRoles(sql);
  site = `https://shop-${ws.tag}.example`;
  psi.pages.set(`${site}/`, { field: true, performance: 0.91, lcpMs: 2100, inpMs: 150, cls: 0.04 });
  psi.pages.set(`${site}/products/balm`, { field: false, performance: 0.55, lcpMs: 4600 });
  psi.pages.set(`${site}/collections/all`, { fails: true });
});
afterAll(async () => {
  await dropWorkspace(sql, ws.tag);
  await fake.stop();
  await sql.end();
});

describe("connect, key pages, first pull, dashboard", () => {
  it("an admin connects the site: its home page is the first key page and the first pull audits it", async () => {
    const member = await userClient(ws.people.member.jwt);
    const refused = await member.rpc("connect_pagespeed", { p_workspace_id: ws.id, p_site_url: site });
    expect([refused.status, refused.error?.code]).toEqual([403, "42501"]);
    const admin = await userClient(ws.people.admin.jwt);
    const bad = await admin.rpc("connect_pagespeed", { p_workspace_id: ws.id, p_site_url: "ftp://x" });
    expect([bad.status, bad.error?.code]).toEqual([400, "22023"]);
    const r = await admin.rpc("connect_pagespeed", { p_workspace_id: ws.id, p_site_url: `${site}/any/path?x=1` });
    expect(r.error).toBeNull();
    connectionId = r.data!;
    const [c] = await sql`select provider::text, external_account_id from public.integration_connections where id = ${connectionId}`;
    expect(c).toEqual({ provider: "pagespeed", external_account_id: site });
    const run = await runReaches(sql, connectionId, "initial", "succeeded");
    expect([run.pages, run.api_calls, run.rows_written]).toEqual([1, 1, 1]);
    expect(psi.runs).toMatchObject([{ url: `${site}/`, strategy: "mobile", categories: ["performance", "seo", "best-practices", "accessibility"] }]);
  });

  it("members add key pages on the site, never elsewhere; viewers only read them", async () => {
    const member = await userClient(ws.people.member.jwt);
    const added = await member.from("seo_key_pages").insert([
      { workspace_id: ws.id, connection_id: connectionId, url: `${site}/products/balm`, label: "Best seller" },
      { workspace_id: ws.id, connection_id: connectionId, url: `${site}/products/balm`, strategy: "desktop" },
      { workspace_id: ws.id, connection_id: connectionId, url: `${site}/collections/all` },
    ], { defaultToNull: false }); // rows without a strategy take the default (mobile)
    expect(added.error).toBeNull();
    const elsewhere = await member.from("seo_key_pages").insert({ workspace_id: ws.id, connection_id: connectionId, url: "https://competitor.example/" });
    expect([elsewhere.status, elsewhere.error?.code]).toEqual([400, "22023"]);
    const viewer = await userClient(ws.people.viewer.jwt);
    const byViewer = await viewer.from("seo_key_pages").insert({ workspace_id: ws.id, connection_id: connectionId, url: `${site}/about` });
    expect(byViewer.status).toBe(403);
    const pages = await viewer.from("seo_key_pages").select("url, strategy, label").eq("connection_id", connectionId).order("url").order("strategy");
    expect(pages.data).toEqual([
      { url: `${site}/`, strategy: "mobile", label: "Home" },
      { url: `${site}/collections/all`, strategy: "mobile", label: null },
      { url: `${site}/products/balm`, strategy: "mobile", label: "Best seller" },
      { url: `${site}/products/balm`, strategy: "desktop", label: null },
    ]);
  });

  it("the daily pull audits every page and strategy once, field data where CrUX has the page, lab otherwise", async () => {
    psi.runs = [];
    await sql`select private.queue_analytics_syncs(${connectionId}, now() + interval '1 day')`;
    const run = await runReaches(sql, connectionId, "daily", "succeeded");
    expect([run.pages, run.api_calls]).toEqual([4, 4]);
    expect(psi.runs.map((x) => [x.url.replace(site, ""), x.strategy])).toEqual([
      ["/", "mobile"], ["/collections/all", "mobile"], ["/products/balm", "mobile"], ["/products/balm", "desktop"],
    ]);
    const rows = await sql`select url, strategy::text, vitals_source::text, field_category, lcp_ms, inp_ms, cls::float, tbt_ms,
        performance_score, seo_score, best_practices_score, accessibility_score, critical_issues, high_priority_issues, error
      from public.seo_page_audits where connection_id = ${connectionId} and audited_on = ${day(0)} order by url, strategy desc`;
    expect(rows.map((x) => x.url.replace(site, "") + ":" + x.strategy)).toEqual(["/:mobile", "/collections/all:mobile",
      "/products/balm:mobile", "/products/balm:desktop"]);
    expect(rows[0]).toMatchObject({
      vitals_source: "field", field_category: "FAST", lcp_ms: 2100, inp_ms: 150, cls: 0.04, tbt_ms: 420,
      performance_score: 91, seo_score: 91, best_practices_score: 96, accessibility_score: 88,
      critical_issues: 3, high_priority_issues: 1, error: null,
    });
    expect(rows[1]).toMatchObject({ vitals_source: null, error: expect.stringMatching(/FAILED_DOCUMENT_REQUEST/) });
    // no page-level field data (only the origin's fallback): the lab run's values, no INP
    expect(rows[2]).toMatchObject({ vitals_source: "lab", field_category: null, lcp_ms: 4900, inp_ms: null, cls: 0.06,
      performance_score: 55, critical_issues: 4 });
    const [issues] = await sql`select issues from public.seo_page_audits where connection_id = ${connectionId} and url = ${site + "/"}`;
    expect(issues.issues.map((i: { id: string; severity: string }) => `${i.id}:${i.severity}`).sort()).toEqual([
      "image-alt:critical", "meta-description:critical", "render-blocking-resources:high", "total-blocking-time:critical",
    ]);
    expect((await healthOf(sql, connectionId)).health).toBe("ok"); // a page that failed is not the connection failing
  });

  it("rolls the site's day up into seo_audits from the mobile audits, and the SEO dashboard reads it", async () => {
    const [a] = await sql`select site_url, audited_on::text, pages_crawled, avg_lcp_ms, avg_inp_ms, avg_cls::float, performance_score,
        content_score, technical_score, overall_score, critical_issues, high_priority_issues, vitals_source::text, issues
      from public.seo_audits where workspace_id = ${ws.id}`;
    expect(a).toMatchObject({
      site_url: site, audited_on: day(0), pages_crawled: 2, avg_lcp_ms: 3500, avg_inp_ms: 150, avg_cls: 0.05,
      performance_score: 73, content_score: 91, technical_score: 96, overall_score: 87, critical_issues: 7, high_priority_issues: 2,
      vitals_source: null, // one page from the field, one from the lab
    });
    expect(a.issues[0]).toMatchObject({ type: "image-alt", severity: "critical", count: 2 });
    const viewer = await userClient(ws.people.viewer.jwt);
    const o = await viewer.rpc("seo_overview", { p_workspace_id: ws.id, p_from: day(-27), p_to: day(0) });
    expect(o.error).toBeNull();
    expect(o.data).toMatchObject({
      audited_on: day(0), pages_audited: 2, performance_score: 73, overall_score: 87, avg_lcp_ms: 3500, critical_issues: 7,
      previous_performance_score: null, clicks: 0, ctr: null,
    });
    expect(await loadSeoTiles(viewer, ws.id, day(-27), day(0))).toEqual({
      auditedOn: day(0), performance: "73", lcp: "3.5 s", inp: "150 ms", vitalsFrom: "field and lab", clicks: 0, ctr: "—", position: "—",
    });
  });

  it("a pull later the same day audits again; a failure never replaces a good audit of that day", async () => {
    psi.pages.set(`${site}/`, { fails: true });
    psi.pages.set(`${site}/collections/all`, { field: true, performance: 0.7 });
    await sql`select private.sync_analytics_source(${connectionId}, 'pagespeed')`;
    await runReaches(sql, connectionId, "manual", "succeeded");
    const rows = await sql`select url, vitals_source::text, error, performance_score from public.seo_page_audits
      where connection_id = ${connectionId} and strategy = 'mobile' and audited_on = ${day(0)} order by url`;
    expect(rows.map((r) => [r.url.replace(site, ""), r.vitals_source, r.error === null, r.performance_score])).toEqual([
      ["/", "field", true, 91], ["/collections/all", "field", true, 70], ["/products/balm", "lab", true, 55],
    ]);
    const [a] = await sql`select pages_crawled from public.seo_audits where workspace_id = ${ws.id} and audited_on = ${day(0)}`;
    expect(a.pages_crawled).toBe(3);
  });
});

describe("faults", () => {
  it("a quota error waits for RetryInfo's delay with the site rate limited", async () => {
    psi.pages.set(`${site}/`, { field: true });
    psi.fail({ kind: "throttle", seconds: 45 }, { when: "runPagespeed" });
    await sql`select private.sync_analytics_source(${connectionId}, 'pagespeed')`;
    const run = await runReaches(sql, connectionId, "manual", "waiting");
    expect(run.error).toMatch(/RESOURCE_EXHAUSTED/);
    const h = await healthOf(sql, connectionId);
    expect(h.health).toBe("rate_limited");
    expect(new Date(h.throttled_until!).getTime() - Date.now()).toBeGreaterThan(35_000);
    await makeDue(sql, connectionId);
    await runReaches(sql, connectionId, "manual", "succeeded");
  });

  it("a key Google refuses makes the site reauth_required with an alert; a working key resumes", async () => {
    psi.key = "rotated-key";
    await sql`select private.sync_analytics_source(${connectionId}, 'pagespeed')`;
    const run = await runReaches(sql, connectionId, "manual", "waiting");
    expect(run.error).toMatch(/API key not valid/);
    expect((await healthOf(sql, connectionId)).health).toBe("reauth_required");
    const [alert] = await sql`select title from public.ops_alerts where dedupe_key = ${"connection:" + connectionId} and status = 'open'`;
    expect(alert.title).toMatch(/needs to be reconnected/);
    // the operator fixes the deployment's key; an admin connects the site again: ok, and the audit resumes at once
    psi.key = "local-pagespeed-key";
    const again = await (await userClient(ws.people.admin.jwt)).rpc("connect_pagespeed", { p_workspace_id: ws.id, p_site_url: site });
    expect(again.data).toBe(connectionId);
    expect((await healthOf(sql, connectionId)).health).toBe("ok");
    await runReaches(sql, connectionId, "manual", "succeeded");
    const [closed] = await sql`select status::text from public.ops_alerts where dedupe_key = ${"connection:" + connectionId}`;
    expect(closed.status).toBe("resolved");
  });
});
