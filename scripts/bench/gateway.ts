// npm run bench -- gateway [--requests 1000] [--rounds 3]
// What a user feels: every dashboard RPC through the gateway and the real PostgREST 12, as a
// member (publishable key + the member's JWT: RLS and the RPC's membership check apply) and as
// the service (secret key), at 1 and 10 concurrent senders. Variants alternate order round by
// round, hit the same workspace and warm the same data they measure. Printed beside them, from
// the same run: a trivial Deno server (the HTTP floor of this machine) and a trivial RPC through
// PostgREST (its own fixed cost), and PostgREST's Server-Timing for each variant.
import { randomUUID } from "node:crypto";
import { apiUrl, binPath, stackConfig } from "../lib/config.ts";
import { signAccessToken } from "../../functions/_local/keys.ts";
import { publicKeys, stackKeys } from "../lib/keys.ts";
import { load, type LoadResult, ms, trivialServer } from "./load.ts";
import { arg, benchDatabase, fmt, median } from "./scratch.ts";

interface Target {
  name: string;
  rpc: string;
  body: Record<string, unknown>;
  /** Whose member token: the bench workspace's, or the demo seed's member (the other domains' dashboards). */
  demo?: boolean;
}

// The demo seed's workspace, its member, its published demo and its running experiment.
const DEMO_WS = "10000000-0000-4000-8000-000000000001";
const DEMO_MEMBER = { sub: "00000000-0000-4000-8000-000000000003", email: "member@demo.test" };
const DEMO_DEMO = "40000000-0000-4000-8000-000000000001";
const DEMO_EXPERIMENT = "40000000-0000-4000-8000-000000000002";

export async function main(args: string[]): Promise<void> {
  const total = arg(args, "requests", 1000);
  const rounds = arg(args, "rounds", 3);
  const c = stackConfig();
  const api = apiUrl(c);
  const keys = await publicKeys(c);
  const { sql, done } = await benchDatabase();
  const tag = randomUUID().slice(0, 8);
  const wsId = randomUUID();
  const userId = randomUUID();
  const email = `member-${tag}@bench.test`;
  const cleanup = `
    delete from public.workspaces where id = '${wsId}';
    delete from auth.users where id = '${userId}';
    drop function if exists public.bench_ping();
    notify pgrst, 'reload schema';
    select private.rebuild_ad_rollup();`;
  const trivial = await trivialServer(binPath("deno"), c.apiPort + 77);
  try {
    await sql`insert into auth.users (id, email) values (${userId}, ${email})`;
    // The caller is a plain member (no owner): RLS and the RPCs' role checks run as for most users.
    await sql`insert into public.workspaces (id, name, slug) values (${wsId}, 'bench gateway', ${"bench-gw-" + tag})`;
    await sql`insert into public.workspace_members (workspace_id, user_id, role) values (${wsId}, ${userId}, 'member')`;
    // 20 campaigns x 365 days, the rollup built, so every view has a year of data.
    await sql.unsafe(`
      insert into public.ad_campaigns (workspace_id, platform, external_id, name)
        select '${wsId}', (array['meta', 'google', 'tiktok']::public.ad_platform[])[1 + c % 3], 'c' || c, 'campaign ' || c
        from generate_series(1, 20) c;
      insert into public.ad_metrics_daily (workspace_id, platform, level, object_id, campaign_id, day, spend_cents, impressions, clicks, conversions, revenue_cents)
        select c.workspace_id, c.platform, 'campaign', c.id, c.id, current_date - d, 1000 + d * 3, 20000, 300, 6, 3000 + d * 7
        from public.ad_campaigns c cross join generate_series(1, 365) d where c.workspace_id = '${wsId}';
      select private.refresh_ad_rollup();
      create function public.bench_ping() returns integer language sql stable set search_path = '' as 'select 1';
      comment on function public.bench_ping() is 'Benchmark only: the trivial RPC (dropped after the run).';
      grant execute on function public.bench_ping() to authenticated, service_role;
      notify pgrst, 'reload schema';`);
    await sql`vacuum analyze public.ad_metrics_daily`;
    const sign = async (sub: string, mail: string) =>
      await signAccessToken(await stackKeys(c), {
        sub, email: mail, role: "authenticated", aud: "authenticated", aal: "aal1", is_anonymous: false,
      }, 3600);
    const memberJwt = await sign(userId, email);
    const demoMemberJwt = await sign(DEMO_MEMBER.sub, DEMO_MEMBER.email);
    await new Promise((r) => setTimeout(r, 500)); // the schema cache reload
    const from = new Date(Date.now() - 90 * 864e5).toISOString().slice(0, 10);
    const to = new Date(Date.now() - 864e5).toISOString().slice(0, 10);
    const targets: Target[] = [
      { name: "trivial RPC (bench_ping)", rpc: "bench_ping", body: {} },
      { name: "ads_dashboard by platform", rpc: "ads_dashboard", body: { p_workspace_id: wsId, p_from: from, p_to: to, p_group_by: "platform" } },
      { name: "ads_dashboard by campaign", rpc: "ads_dashboard", body: { p_workspace_id: wsId, p_from: from, p_to: to, p_group_by: "campaign" } },
      { name: "ads_dashboard by day", rpc: "ads_dashboard", body: { p_workspace_id: wsId, p_from: from, p_to: to, p_group_by: "day" } },
      { name: "ads_blended_roas", rpc: "ads_blended_roas", body: { p_workspace_id: wsId, p_from: from, p_to: to } },
      { name: "ads_roas_tile", rpc: "ads_roas_tile", body: { p_workspace_id: wsId } },
      { name: "dashboard_tiles (demo)", rpc: "dashboard_tiles", body: { p_workspace_id: DEMO_WS }, demo: true },
      {
        name: "attribution_report (demo)",
        rpc: "attribution_report",
        body: { p_workspace_id: DEMO_WS, p_from: from, p_to: to, p_model: "linear", p_group_by: "channel" },
        demo: true,
      },
      { name: "autopilot stats (demo)", rpc: "get_autopilot_dashboard_stats", body: { p_workspace_id: DEMO_WS }, demo: true },
      { name: "get_demo_stats (demo)", rpc: "get_demo_stats", body: { p_demo_id: DEMO_DEMO }, demo: true },
      { name: "experiment results (demo)", rpc: "get_experiment_results", body: { p_experiment_id: DEMO_EXPERIMENT }, demo: true },
    ];
    const headers = (t: Target, who: "member" | "service"): Record<string, string> =>
      who === "service"
        ? { apikey: keys.secretKey }
        : { apikey: keys.publishableKey, authorization: `Bearer ${t.demo ? demoMemberJwt : memberJwt}` };
    // Sanity: both see the same rows (but for the moment they were computed).
    for (const t of targets) {
      const rows = await Promise.all((["member", "service"] as const).map(async (who) => {
        const h = headers(t, who);
        const r = await fetch(`${api}/rest/v1/rpc/${t.rpc}`, { method: "POST", headers: { ...h, "content-type": "application/json" }, body: JSON.stringify(t.body) });
        if (r.status !== 200) throw new Error(`${t.name}: ${r.status} ${await r.text()}`);
        return (await r.text()).replace(/"(as_of|computed_at)":"[^"]*"/g, "");
      }));
      if (rows[0] !== rows[1]) throw new Error(`${t.name}: member and service see different answers`);
    }

    const run = (t: Target, who: "member" | "service", n: number, conc: number) =>
      load(() => ({ url: `${api}/rest/v1/rpc/${t.rpc}`, headers: headers(t, who), body: JSON.stringify(t.body) }), n, conc);
    const runTrivial = (n: number, conc: number) => load(() => ({ url: trivial.url }), n, conc);

    console.log(`gateway benchmark: ${total} requests per variant and round, ${rounds} rounds, variants alternating; medians over rounds`);
    for (const conc of [1, 10]) {
      const floor: LoadResult[] = [];
      for (let r = 0; r < rounds; r++) floor.push(await runTrivial(total, conc));
      console.log(`\nconcurrency ${conc}: trivial Deno server ${fmt(median(floor.map((x) => x.rate)), 0)} req/s, p99 ${ms(median(floor.map((x) => x.p99)))}`);
      console.log(`  ${"target".padEnd(30)} ${"member req/s".padStart(12)} ${"service req/s".padStart(13)} ${"ratio".padStart(6)} ${"p99 member".padStart(11)} ${"p99 service".padStart(12)}`);
      for (const t of targets) {
        await run(t, "member", Math.min(200, total), conc); // warm the very data measured
        await run(t, "service", Math.min(200, total), conc);
        const m: LoadResult[] = [], s: LoadResult[] = [];
        for (let r = 0; r < rounds; r++) {
          if (r % 2 === 0) {
            m.push(await run(t, "member", total, conc));
            s.push(await run(t, "service", total, conc));
          } else {
            s.push(await run(t, "service", total, conc));
            m.push(await run(t, "member", total, conc));
          }
        }
        const bad = [...m, ...s].reduce((a, x) => a + x.failures, 0);
        if (bad) throw new Error(`${t.name}: ${bad} requests did not answer 200`);
        const mr = median(m.map((x) => x.rate)), sr = median(s.map((x) => x.rate));
        console.log(`  ${t.name.padEnd(30)} ${fmt(mr, 0).padStart(12)} ${fmt(sr, 0).padStart(13)} ${(sr / mr).toFixed(2).padStart(5)}x ${ms(median(m.map((x) => x.p99))).padStart(11)} ${ms(median(s.map((x) => x.p99))).padStart(12)}`);
      }
    }

    // PostgREST's own account of where a request's time goes (Server-Timing), averaged.
    console.log("\nServer-Timing (PostgREST 12 reports microseconds; mean of 200 sequential requests, us): jwt / parse / plan / transaction / response");
    for (const t of targets) {
      const line: string[] = [];
      for (const who of ["member", "service"] as const) {
        const sums = new Map<string, number>();
        for (let i = 0; i < 200; i++) {
          const r = await fetch(`${api}/rest/v1/rpc/${t.rpc}`, { method: "POST", headers: { ...headers(t, who), "content-type": "application/json" }, body: JSON.stringify(t.body) });
          await r.arrayBuffer();
          for (const part of (r.headers.get("server-timing") ?? "").split(",")) {
            const mm = part.trim().match(/^(\w+);dur=([\d.]+)/);
            if (mm) sums.set(mm[1], (sums.get(mm[1]) ?? 0) + Number(mm[2]));
          }
        }
        line.push(`${who} ${["jwt", "parse", "plan", "transaction", "response"].map((k) => ((sums.get(k) ?? 0) / 200).toFixed(2)).join(" / ")}`);
      }
      console.log(`  ${t.name.padEnd(30)} ${line.join("   ")}`);
    }
  } finally {
    trivial.stop();
    await done(cleanup);
  }
}
