// The ads sync when platforms misbehave, through the running stack: Meta's throttling codes with
// their usage header hold back that connection only; 5xx and timeouts retry with backoff and end
// as a dead letter; a revoked token needs reconnecting (health, an ops alert) and reconnecting
// resumes; a crash mid-window resumes at the next page; a report run Meta gives up on starts over;
// one still being built makes the window wait; malformed rows are rejected one by one.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { adFakes, connect, currentToken, runAdsSync, runs, settled, waitFor } from "../helpers/ads.ts";
import { AdWorld, day } from "../helpers/fakes/ad_world.ts";
import { superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
const fakes = adFakes();
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
let world: AdWorld;
let other: AdWorld;
let conn: string;
let otherConn: string;

beforeAll(async () => {
  await fakes.server.start();
  ws = await workspaceWithRoles(sql);
  const n = Number.parseInt(ws.tag, 16) % 1_000_000_000;
  const small = { currency: "USD", timezone: "UTC", campaigns: 1, adGroupsPerCampaign: 1, adsPerAdGroup: 2, historyDays: 4 };
  world = fakes.meta.add(new AdWorld({ ...small, accountId: `act_${n}`, seed: 3 }));
  other = fakes.meta.add(new AdWorld({ ...small, accountId: `act_${n + 1}`, seed: 4 }));
  fakes.meta.pollsToComplete = 1;
  conn = await connect(sql, fakes, ws.people.admin.jwt, ws.id, "meta", world.accountId);
  otherConn = await connect(sql, fakes, ws.people.admin.jwt, ws.id, "meta", other.accountId);
  await settled(sql, conn, 90_000);
  await settled(sql, otherConn, 90_000);
}, 180_000);

beforeEach(async () => {
  fakes.meta.clearFaults();
  fakes.meta.pageSize = 500;
  fakes.meta.pollsToComplete = 1;
  world.extraRows = [];
  // each test starts from healthy connections with nothing left open by the one before
  await sql`update private.connector_jobs set status = 'dead', lease_id = null, lease_expires_at = null, finished_at = now(),
    last_error = 'left over by an earlier test' where connection_id in (${conn}, ${otherConn}) and status in ('queued', 'running')`;
  await sql`update public.integration_connections set health = 'ok', throttled_until = null, consecutive_failures = 0
    where id in (${conn}, ${otherConn})`;
});

afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws.id}`;
  await fakes.server.stop();
  await sql.end();
});

let windows = 0;
/** Queues one window (the database wakes the worker at commit); returns its job id. */
async function queue(connection: string, from = day(-2), to = day(0), kind = "recent") {
  const [r] = await sql`select private.queue_ad_sync(${connection}, ${kind}::public.ad_sync_kind, ${from}::date, ${to}::date,
    ${`test:${connection}:${++windows}`}, 10::smallint) as job_id`;
  return String(r.job_id);
}
const run = async (jobId: string) =>
  (await sql`select status::text, attempts, pages, api_calls, rows_applied, rows_rejected, rejections, error,
      next_attempt_at, extract(epoch from next_attempt_at - now()) as due_in_s from public.ad_sync_runs where job_id = ${jobId}`)[0];
const runIs = (jobId: string, status: string, ms?: number) => waitFor(`run ${jobId} to be ${status}`, () => run(jobId), (r) => r?.status === status, ms);
const connection = async (id: string) =>
  (await sql`select health::text, last_error, consecutive_failures, extract(epoch from throttled_until - now()) as throttled_s
    from public.integration_connections where id = ${id}`)[0];
const alert = async (id: string) =>
  (await sql`select severity::text, title, status::text from public.ops_alerts where dedupe_key = ${"connection:" + id}
    order by created_at desc limit 1`)[0];
/** Time passes: the job is due now (and its connection no longer throttled). */
async function dueNow(jobId: string) {
  await sql`update private.connector_jobs set next_attempt_at = now() where id = ${jobId} and status = 'queued'`;
  await sql`update public.integration_connections c set throttled_until = now() - interval '1 second'
    from private.connector_jobs j where j.id = ${jobId} and c.id = j.connection_id and c.throttled_until is not null`;
}

describe("throttling", () => {
  it("Meta's 80000 with its usage header holds back that connection until the time Meta gave; another goes on", async () => {
    fakes.meta.fail({ kind: "throttle", seconds: 150 }, { when: (r) => r.path.startsWith(`/v21.0/${world.accountId}/insights`) });
    const job = await queue(conn);
    const r = await runIs(job, "waiting");
    expect(r.error).toContain("Meta error 80000");
    expect(r.attempts).toBe(0); // a throttled turn does not count
    const c = await connection(conn);
    expect(c.health).toBe("rate_limited");
    expect(Number(c.throttled_s)).toBeGreaterThan(170); // estimated_time_to_regain_access: 3 minutes
    expect(Number(c.throttled_s)).toBeLessThanOrEqual(180);
    expect(Number(r.due_in_s)).toBeGreaterThan(170);
    expect(await alert(conn)).toBeUndefined(); // throttling is not an outage
    // the other account syncs meanwhile; the throttled one is not even claimed
    const otherJob = await queue(otherConn);
    await runIs(otherJob, "succeeded");
    await sql`update private.connector_jobs set next_attempt_at = now() where id = ${job}`;
    const idle = await runAdsSync({ once: true });
    expect(idle.body.claimed).toBe(0);
    await dueNow(job);
    await runAdsSync();
    await runIs(job, "succeeded");
    expect((await connection(conn)).health).toBe("ok");
  }, 60_000);
});

describe("failures and retries", () => {
  it("a 500 retries after a backoff with jitter, and the window succeeds on the next attempt", async () => {
    fakes.meta.fail({ kind: "status", status: 500 }, { when: "/insights" });
    const job = await queue(conn);
    const r = await runIs(job, "retrying");
    expect(r.error).toMatch(/^Meta answered 500/);
    expect(r.attempts).toBe(1);
    expect(Number(r.due_in_s)).toBeGreaterThan(25); // 1 minute x 2^0, jitter 0.5-1.5
    expect(r.api_calls).toBeGreaterThanOrEqual(2); // the account, then the failed insights call
    expect((await connection(conn)).health).toBe("ok");
    await dueNow(job);
    await runAdsSync();
    expect(await runIs(job, "succeeded")).toMatchObject({ attempts: 2, error: null });
  }, 60_000);

  it("a provider that does not answer in time is retried", async () => {
    fakes.meta.fail({ kind: "slow", ms: 3600 }, { when: "/insights" });
    const job = await queue(conn);
    const r = await runIs(job, "retrying", 20_000);
    expect(r.error).toBe("Meta did not answer within 3000 ms");
    await dueNow(job);
    await runAdsSync();
    await runIs(job, "succeeded");
  }, 60_000);

  it("failing again and again: the connection is failing with an alert, the window ends as a dead letter; a success clears it", async () => {
    fakes.meta.fail({ kind: "status", status: 503 }, { when: "/insights", times: 3 });
    const job = await queue(conn);
    for (let i = 1; i <= 3; i++) {
      await waitFor(`attempt ${i}`, () => run(job), (r) => r.status === "retrying" && r.attempts === i);
      if (i < 3) {
        await dueNow(job);
        await runAdsSync();
      }
    }
    expect(await connection(conn)).toMatchObject({ health: "failing", consecutive_failures: 3 });
    expect(await alert(conn)).toMatchObject({ severity: "medium", status: "open" });
    await sql`update private.connector_jobs set attempts = max_attempts - 1 where id = ${job}`;
    fakes.meta.fail({ kind: "status", status: 503 }, { when: "/insights" });
    await dueNow(job);
    await runAdsSync();
    const dead = await runIs(job, "dead");
    expect(dead.error).toMatch(/Meta answered 503/);
    expect(dead.next_attempt_at).toBeNull();
    const good = await queue(conn);
    await runIs(good, "succeeded");
    expect(await connection(conn)).toMatchObject({ health: "ok", consecutive_failures: 0 });
    expect((await alert(conn)).status).toBe("resolved");
  }, 90_000);
});

describe("tokens", () => {
  it("a revoked token: reauth_required with a high alert, the connection skipped; reconnecting resumes", async () => {
    fakes.meta.expired.add(await currentToken(sql, fakes, conn));
    const job = await queue(conn);
    const r = await runIs(job, "waiting");
    expect(r.error).toContain("Meta error 190/463");
    expect(await connection(conn)).toMatchObject({ health: "reauth_required" });
    expect(await alert(conn)).toMatchObject({ severity: "high", status: "open", title: `Meta ${world.accountId} needs to be reconnected` });
    await sql`update private.connector_jobs set next_attempt_at = now() where id = ${job}`;
    expect((await runAdsSync({ once: true })).body.claimed).toBe(0);
    await connect(sql, fakes, ws.people.admin.jwt, ws.id, "meta", world.accountId);
    expect((await connection(conn)).health).toBe("ok");
    expect((await alert(conn)).status).toBe("resolved");
    await dueNow(job);
    await runAdsSync();
    await runIs(job, "succeeded");
  }, 60_000);
});

describe("resuming", () => {
  it("a crash in the middle of a window resumes at the next page, not at the start", async () => {
    fakes.meta.pageSize = 2; // 2 ads x 3 days: 3 pages
    let seen = 0;
    // (a dropped connection would not do: fetch retries an idempotent request on a reset keep-alive connection)
    fakes.meta.fail({ kind: "status", status: 502 }, { when: (r) => r.path.endsWith("/insights") && r.query.has("after") && ++seen === 1 });
    const before = fakes.meta.calls("/insights").length;
    const job = await queue(conn);
    const failed = await runIs(job, "retrying");
    expect(failed.pages).toBe(2); // the account and the first page of rows
    const [{ progress }] = await sql`select progress from private.connector_jobs where id = ${job}`;
    expect(progress.phase).toBe("metrics");
    await dueNow(job);
    await runAdsSync();
    await runIs(job, "succeeded");
    const calls = fakes.meta.calls("/insights").slice(before);
    // first page, the dropped second, then the retry picks up at the second page's cursor
    expect(calls.map((c) => c.query.get("after"))).toEqual([null, progress.cursor.after, progress.cursor.after, expect.any(String)]);
    const [{ n }] = await sql`select count(*)::int as n from public.ad_metrics_daily m join public.ad_accounts a on a.id = m.ad_account_id
      where a.integration_connection_id = ${conn} and m.level = 'ad' and m.day >= ${day(-2)}`;
    expect(n).toBe(6);
  }, 60_000);

  it("a report run Meta gives up on starts over with a new one", async () => {
    fakes.meta.failReports = 1;
    const posts = () => fakes.meta.calls("/insights").filter((r) => r.method === "POST").length;
    const before = posts();
    const job = await queue(conn, day(-20), day(-3), "restatement");
    const failed = await runIs(job, "retrying");
    expect(failed.error).toMatch(/Job Failed/);
    const [{ progress }] = await sql`select progress from private.connector_jobs where id = ${job}`;
    expect(progress).toEqual({ phase: "metrics", cursor: null });
    await dueNow(job);
    await runAdsSync();
    await runIs(job, "succeeded");
    expect(posts() - before).toBe(2);
  }, 60_000);

  it("a report still being built makes the window wait, and it comes back to the same run", async () => {
    fakes.meta.pollsToComplete = 1000;
    const posts = () => fakes.meta.calls("/insights").filter((r) => r.method === "POST").length;
    const before = posts();
    const job = await queue(conn, day(-20), day(-3), "restatement");
    const waiting = await runIs(job, "waiting", 30_000);
    expect(waiting.attempts).toBe(0);
    const [{ progress }] = await sql`select progress from private.connector_jobs where id = ${job}`;
    expect(progress.cursor.report_run_id).toMatch(/^\d+$/);
    fakes.meta.pollsToComplete = 1;
    fakes.meta.runs.get(progress.cursor.report_run_id)!.polls = 0;
    await dueNow(job);
    await runAdsSync();
    await runIs(job, "succeeded");
    expect(posts() - before).toBe(1);
  }, 60_000);
});

describe("bad input", () => {
  it("malformed rows are rejected one by one with their reason; the rest is applied", async () => {
    const ad = world.ads[0];
    const g = world.adGroup(ad.parentId!);
    const good = { account_currency: "USD", campaign_id: g.parentId, adset_id: g.id, ad_id: ad.id, impressions: "10", clicks: "1", date_start: day(-1), date_stop: day(-1) };
    world.extraRows = [
      { ...good, ad_id: undefined, spend: "1.00" },
      { ...good, ad_id: "999001", spend: "-2.50" },
      { ...good, ad_id: "999002", spend: "1.00", account_currency: "XYZ" },
      { ...good, ad_id: "999003", spend: "1.00", date_start: day(-40) },
      { ...good, ad_id: "999004", spend: "1.00", clicks: "11" },
      { ...good, ad_id: "999005", spend: "abc" },
    ];
    const job = await queue(conn);
    const r = await runIs(job, "succeeded");
    expect(r.rows_rejected).toBe(6);
    expect(r.rejections.map((x: { reason: string }) => x.reason)).toEqual([
      "external_id: is required",
      "spend: must not be negative",
      "currency: XYZ is not an ISO 4217 currency",
      `day: ${day(-40)} is outside the window ${day(-2)} to ${day(0)}`,
      "clicks: cannot exceed impressions",
      "spend: must be a decimal number",
    ]);
    const [{ n }] = await sql`select count(*)::int as n from public.ads where workspace_id = ${ws.id} and external_id like '99900%'`;
    expect(n).toBe(0);
    const [{ rows }] = await sql`select count(*)::int as rows from public.ad_metrics_daily m join public.ad_accounts a on a.id = m.ad_account_id
      where a.integration_connection_id = ${conn} and m.level = 'ad' and m.day between ${day(-2)} and ${day(0)}`;
    expect(rows).toBe(6);
    expect((await runs(sql, conn)).every((x) => x.status !== "running")).toBe(true);
  }, 60_000);
});
