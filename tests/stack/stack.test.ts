// The stack scripts, driven as a developer would: status, a second start, a taken port, a
// failing migration, stop and start again.
import { createHmac } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dbUrl } from "../../scripts/lib/config.ts";
import { applyFile, LOCAL_PLATFORM, pushMigrations } from "../../scripts/lib/database.ts";
import { localIntegrationEnv } from "../../scripts/lib/gateway.ts";
import { psql, startPostgres, stopPostgres, stopPostgresInBackground } from "../../scripts/lib/postgres.ts";
import { portInUse } from "../../scripts/lib/proc.ts";
import { api, config, dropWorkspace, serviceKey, stackCli, superuser, workspaceWithRoles } from "../helpers/stack.ts";
import { waitFor } from "../helpers/wait.ts";

describe("npm run stack", () => {
  it("status prints the URLs and keys like supabase status", () => {
    const r = stackCli(["status"]);
    expect(r.status).toBe(0);
    expect(r.out).toContain(`DB URL: ${dbUrl(config)}`);
    expect(r.out).toMatch(/Publishable key: sb_publishable_[\w-]{20,}/);
    expect(r.out).toMatch(/Secret key: sb_secret_[\w-]{20,}/);
    expect(r.out).toMatch(/anon key \(legacy\): eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    expect(r.out).toMatch(/service_role key \(legacy\): eyJ/);
    expect(r.out).toContain(`REST URL: ${api}/rest/v1`);
    expect(r.out).toContain(`Functions URL: ${api}/functions/v1`);
    expect(r.out).toContain(`JWKS URL: ${api}/auth/v1/.well-known/jwks.json  (answers 200)`);
    // Each printed URL is asked, not only printed: the REST root, a function and the JWKS.
    expect(r.out).toContain(`REST root: ${api}/rest/v1/  (answers 200)`);
    expect(r.out).toContain(`health function: ${api}/functions/v1/health  (answers 200)`);
    // The workers behind the URLs, each with what it last did.
    expect(r.out).toMatch(/scheduler: running \(pg_cron, \d+ active jobs; (last run: \S+ \w+ \d+ s ago|no run yet)\)/);
    expect(r.out).toMatch(/pg_net worker: running in the gateway \(\d+ queued, \d+ performed; /);
  });

  it("a second start while running is a no-op that says so", () => {
    const r = stackCli(["start"]);
    expect(r.status).toBe(0);
    expect(r.out).toContain("already running; nothing to do");
  });

  it("an unknown command prints usage", () => {
    const r = stackCli(["launch"]);
    expect(r.status).toBe(2);
    expect(r.out).toContain("usage: npm run stack -- start|stop|reset|status|token");
  });

  it("a taken port is a clear message naming the port", async () => {
    const server = createServer().listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const port = (server.address() as { port: number }).port;
    const dir = mkdtempSync(join(tmpdir(), "gb-port-"));
    try {
      const free = createServer().listen(0, "127.0.0.1");
      await new Promise((r) => free.once("listening", r));
      const apiPort = (free.address() as { port: number }).port;
      free.close();
      const r = stackCli(["start"], { GROWTHBASE_DATA_DIR: dir, GROWTHBASE_DB_PORT: String(port), GROWTHBASE_API_PORT: String(apiPort) });
      expect(r.status).toBe(1);
      expect(r.out).toContain(`port ${port} is already in use`);
      expect(r.out).toContain("GROWTHBASE_DB_PORT");
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a failing migration", () => {
  const scratch = { ...config, dbName: "gb_failing_migration" };
  const dir = mkdtempSync(join(tmpdir(), "gb-mig-"));
  afterAll(() => {
    psql(config, ["-c", `drop database if exists ${scratch.dbName} with (force)`], "template1");
    rmSync(dir, { recursive: true, force: true });
  });

  it("stops with the file name and the SQL error", () => {
    psql(config, ["-c", `drop database if exists ${scratch.dbName} with (force)`], "template1");
    psql(config, ["-c", `create database ${scratch.dbName}`], "template1");
    for (const f of LOCAL_PLATFORM) applyFile(scratch, f);
    mkdirSync(join(dir, "supabase/migrations"), { recursive: true });
    writeFileSync(join(dir, "supabase/config.toml"), 'project_id = "scratch"\n');
    writeFileSync(join(dir, "supabase/migrations/20260101000000_good.sql"), "create table public.fine (id int);\n");
    writeFileSync(join(dir, "supabase/migrations/20260101000001_broken.sql"), "create table public.broken (id int,);\n");
    const failing = { ...scratch, repoRoot: dir };
    expect(() => pushMigrations(failing, () => {})).toThrow(/20260101000001_broken\.sql[\s\S]*syntax error/);
    const tables = psql(scratch, ["-tAc", "select string_agg(relname, ',') from pg_class where relname in ('fine', 'broken')"], scratch.dbName);
    expect(tables.stdout.trim()).toBe("fine");
  });
});

describe("functions server", () => {
  it("serves /functions/v1/health with the latest migration", async () => {
    const r = await fetch(`${api}/functions/v1/health`);
    expect(r.status).toBe(200);
    const body = await r.json();
    const latest = readdirSync(join(config.repoRoot, "supabase/migrations")).sort().at(-1)!.slice(0, 14);
    expect(body).toMatchObject({ status: "ok", migration: latest });
    expect(r.headers.get("x-request-id")).toBeTruthy();
  });

  it("answers unknown functions and wrong methods with the stable error shape", async () => {
    const missing = await fetch(`${api}/functions/v1/no-such-function`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "not_found", message: "no such function" } });
    const post = await fetch(`${api}/functions/v1/health`, { method: "POST" });
    expect(post.status).toBe(405);
    expect((await post.json()).error.code).toBe("method_not_allowed");
  });
});

describe("the database down under the gateway", () => {
  it("webhooks answer 503 with Retry-After within 4 s (Shopify gives up after 5), and recover", async () => {
    const env = localIntegrationEnv(config);
    const body = JSON.stringify({ id: 1, currency: "USD", total_price: "1.00" });
    const send = () => fetch(`${api}/functions/v1/webhooks/shopify`, {
      method: "POST",
      headers: {
        "x-shopify-topic": "orders/create", "x-shopify-shop-domain": "down.myshopify.com", "x-shopify-api-version": "2025-01",
        "x-shopify-webhook-id": crypto.randomUUID(),
        "x-shopify-hmac-sha256": createHmac("sha256", env.SHOPIFY_API_SECRET).update(body).digest("base64"),
      },
      body,
    });
    stopPostgres(config);
    try {
      const t0 = Date.now();
      const r = await send();
      const ms = Date.now() - t0;
      expect(r.status).toBe(503);
      expect(r.headers.get("retry-after")).toBe("5");
      expect((await r.json()).error.code).toBe("db_unavailable");
      expect(ms).toBeLessThan(4000);
      expect((await fetch(`${api}/functions/v1/health`)).status).toBe(503);
    } finally {
      startPostgres(config);
    }
    await expect.poll(async () => (await send()).status, { timeout: 10_000, interval: 200 }).toBe(202);
  }, 30_000);
});

describe("the database stopped mid-flood", () => {
  it("every webhook answers 2xx or 503 with Retry-After within 4 s, never 500; nothing acknowledged is lost", async () => {
    const sql = superuser();
    const ws = await workspaceWithRoles(sql);
    const shop = `flood-${ws.tag}.myshopify.com`;
    await sql`insert into public.integration_connections (workspace_id, provider, external_account_id, status)
      values (${ws.id}, 'shopify', ${shop}, 'active')`;
    const env = localIntegrationEnv(config);
    const acked: string[] = [];
    const answers: { status: number; ms: number; retryAfter: string | null; code?: string }[] = [];
    const send = async (n: number) => {
      const id = `flood-${ws.tag}-${n}`;
      const body = JSON.stringify({ id: n, currency: "USD", total_price: "1.00", processed_at: "2026-11-20T10:00:00Z" });
      const t0 = Date.now();
      const r = await fetch(`${api}/functions/v1/webhooks/shopify`, {
        method: "POST",
        headers: {
          "x-shopify-topic": "orders/create", "x-shopify-shop-domain": shop, "x-shopify-api-version": "2025-01",
          "x-shopify-webhook-id": id,
          "x-shopify-hmac-sha256": createHmac("sha256", env.SHOPIFY_API_SECRET).update(body).digest("base64"),
        },
        body,
      });
      const json = await r.json().catch(() => ({}));
      answers.push({ status: r.status, ms: Date.now() - t0, retryAfter: r.headers.get("retry-after"), code: json.error?.code });
      if (r.status === 200) acked.push(id);
    };
    let n = 0;
    const until = Date.now() + 7000;
    const lanes = Array.from({ length: 8 }, async () => {
      while (Date.now() < until) await send(n++);
    });
    await new Promise((r) => setTimeout(r, 1500));
    await stopPostgresInBackground(config);
    const stoppedAt = answers.length;
    const down: Record<string, { status: number; ms: number; retryAfter: string | null; code?: string }> = {};
    try {
      await Promise.all(lanes);
      // Every function, on a path that reaches the database, while it is still down.
      const secret = { apikey: await serviceKey(), authorization: `Bearer ${await serviceKey()}` };
      const member = { authorization: `Bearer ${ws.people.member.jwt}` };
      const admin = { authorization: `Bearer ${ws.people.admin.jwt}` };
      const probes: [string, string, RequestInit][] = [
        ["health", "health", { method: "GET" }],
        ["knowledge-search", "knowledge-search", { method: "POST", headers: member, body: JSON.stringify({ workspaceId: ws.id, query: "serum", mode: "text" }) }],
        ["knowledge-ingest", "knowledge-ingest", { method: "POST", headers: member, body: JSON.stringify({ collectionId: ws.id, type: "text", content: "a note" }) }],
        ["oauth/start", "oauth/start", { method: "POST", headers: admin, body: JSON.stringify({ workspaceId: ws.id, provider: "shopify", shop }) }],
        ["oauth/refresh", "oauth/refresh", { method: "POST", headers: secret }],
        ["webhooks/tavus", `webhooks/tavus?token=${env.TAVUS_WEBHOOK_TOKEN}`, { method: "POST", body: JSON.stringify({ event_type: "system.ping" }) }],
        ...["webhook-dispatch", "webhook-process", "embed", "privacy-export"].map((f): [string, string, RequestInit] => [f, f, { method: "POST", headers: secret }]),
      ];
      await Promise.all(probes.map(async ([name, path, init]) => {
        const t0 = Date.now();
        const r = await fetch(`${api}/functions/v1/${path}`, init);
        const json = await r.json().catch(() => ({}));
        down[name] = { status: r.status, ms: Date.now() - t0, retryAfter: r.headers.get("retry-after"), code: json.error?.code };
      }));
    } finally {
      startPostgres(config);
    }
    const wrong = Object.entries(down).filter(([, a]) => a.status !== 503 || a.retryAfter !== "5" || a.code !== "db_unavailable" || a.ms >= 4000);
    expect(wrong, "each function answers 503 db_unavailable with Retry-After within 4 s").toEqual([]);
    const byStatus = answers.reduce<Record<string, number>>((m, a) => ({ ...m, [a.status]: (m[a.status] ?? 0) + 1 }), {});
    expect(stoppedAt, "the flood was acknowledged before the stop").toBeGreaterThan(0);
    expect(Object.keys(byStatus).sort(), JSON.stringify(byStatus)).toEqual(["200", "503"]);
    expect(answers.filter((a) => a.status === 503 && (a.retryAfter !== "5" || a.code !== "db_unavailable"))).toEqual([]);
    expect(Math.max(...answers.map((a) => a.ms)), "every answer within 4 s").toBeLessThan(4000);
    await expect.poll(async () => {
      const rows = await sql`select count(*)::int as n, count(distinct external_id)::int as d from private.webhook_events
        where provider = 'shopify' and external_id = any (${acked})`.catch(() => [{ n: -1, d: -1 }]);
      return rows[0];
    }, { timeout: 15_000, interval: 250 }).toEqual({ n: acked.length, d: acked.length });
    await sql`delete from private.webhook_events where external_id like ${`flood-${ws.tag}-%`}`;
    await dropWorkspace(sql, ws.tag);
    await sql.end();
  }, 60_000);
});

describe("reset", () => {
  it("leaves pg_cron running: a job due after the reset runs, and status says the scheduler runs", async () => {
    const r = stackCli(["reset"], {}, 300_000);
    expect(r.status, r.out).toBe(0);
    const sql = superuser();
    try {
      // pg_cron 1.4 (bookworm's) schedules by the minute: the probe is due at the next one.
      await sql`select cron.schedule('reset-probe', '* * * * *', 'select 1')`;
      const run = await waitFor("the probe job to run", async () =>
        (await sql`select d.status from cron.job_run_details d join cron.job j on j.jobid = d.jobid
          where j.jobname = 'reset-probe' and d.status = 'succeeded' limit 1`)[0], 75_000);
      expect(run.status).toBe("succeeded");
      await sql`select cron.unschedule('reset-probe')`;
    } finally {
      await sql.end();
    }
    const s = stackCli(["status"]);
    expect(s.status, s.out).toBe(0);
    expect(s.out).toMatch(/scheduler: running \(pg_cron, \d+ active jobs; last run: /);
  }, 360_000);

  it("status fails and says so when the scheduler is gone", async () => {
    const sql = superuser();
    try {
      // What dropping the database used to do to it: the launcher told to stop, which it does for good.
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where backend_type = 'pg_cron launcher'`;
      await waitFor("the launcher to exit", async () =>
        (await sql`select count(*)::int as n from pg_stat_activity where backend_type = 'pg_cron launcher'`)[0].n === 0);
    } finally {
      await sql.end();
    }
    const s = stackCli(["status"]);
    expect(s.status).toBe(1);
    expect(s.out).toContain("scheduler: NOT RUNNING: pg_cron's launcher is gone");
  });
});

describe("stop", () => {
  it("leaves nothing running, and start brings it back", async () => {
    const stopped = stackCli(["stop"]);
    expect(stopped.status).toBe(0);
    expect(await portInUse(config.dbPort)).toBe(false);
    expect(await portInUse(config.apiPort)).toBe(false);
    expect(stackCli(["status"]).out).toContain("not running");
    const started = stackCli(["start"]);
    expect(started.status).toBe(0);
    expect((await fetch(`${api}/functions/v1/health`)).status).toBe(200);
  }, 120_000);
});
