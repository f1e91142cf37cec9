// npm run bench -- leads [--batches 20] [--batch 1000] [--rounds 3]
// Lead ingest through the path a frontend or an import uses: POST /rest/v1/leads through the
// gateway and PostgREST as a member (publishable key + JWT, RLS), a JSON array of `batch` leads
// per request (mixed-case emails, repeated tags, sources), `batches` requests one after another per round.
// Side by side in one run, rounds alternating: the same requests with the leads table's triggers
// on (normalisation, duplicate check, member check, created_by stamp, workflow events) and with
// them disabled (ALTER TABLE ... DISABLE TRIGGER USER between rounds; constraints, RLS and
// indexes stay). Targets: >= 5,000 leads/s with the triggers, >= 0.5x the rate without.
import { randomUUID } from "node:crypto";
import { apiUrl, stackConfig } from "../lib/config.ts";
import { signAccessToken } from "../../functions/_local/keys.ts";
import { publicKeys, stackKeys } from "../lib/keys.ts";
import { arg, benchDatabase, fmt, median } from "./scratch.ts";

export async function main(args: string[]): Promise<void> {
  const batches = arg(args, "batches", 20);
  const batch = arg(args, "batch", 1000);
  const rounds = arg(args, "rounds", 3);
  const c = stackConfig();
  const api = apiUrl(c);
  const keys = await publicKeys(c);
  const { sql, done } = await benchDatabase();
  const ws = randomUUID(), user = randomUUID(), tag = ws.slice(0, 8);
  const cleanup = `alter table public.leads enable trigger user;
    delete from public.workspaces where id = '${ws}'; delete from auth.users where id = '${user}';`;
  try {
    await sql`insert into auth.users (id, email) values (${user}, ${"leads-" + tag + "@bench.test"})`;
    await sql`insert into public.workspaces (id, name, slug) values (${ws}, 'bench leads', ${"bench-leads-" + tag})`;
    await sql`insert into public.workspace_members (workspace_id, user_id, role) values (${ws}, ${user}, 'member')`;
    const jwt = await signAccessToken(await stackKeys(c), {
      sub: user, email: `leads-${tag}@bench.test`, role: "authenticated", aud: "authenticated", aal: "aal1", is_anonymous: false,
    }, 3600);
    const headers = {
      apikey: keys.publishableKey, authorization: `Bearer ${jwt}`, "content-type": "application/json", prefer: "return=minimal",
    };
    let n = 0;
    const body = () => JSON.stringify(Array.from({ length: batch }, () => {
      const i = n++;
      return {
        workspace_id: ws, email: `Lead.${i}@Example.COM`, first_name: `Lead ${i}`, last_name: "Bench", company: `Company ${i % 97}`,
        source: (["website", "referral", "ads", "import"] as const)[i % 4], tags: ["import", i % 2 ? "b2b" : "b2c", "import"],
      };
    }));
    const round = async () => {
      const t0 = performance.now();
      for (let b = 0; b < batches; b++) {
        const r = await fetch(`${api}/rest/v1/leads`, { method: "POST", headers, body: body() });
        if (r.status !== 201) throw new Error(`insert: ${r.status} ${await r.text()}`);
      }
      return (batches * batch) / ((performance.now() - t0) / 1000);
    };
    await round(); // warm-up, triggers on
    const on: number[] = [], off: number[] = [];
    for (let r = 0; r < rounds * 2; r++) {
      const withTriggers = (r % 4 === 0 || r % 4 === 3);
      await sql.unsafe(`alter table public.leads ${withTriggers ? "enable" : "disable"} trigger user`);
      (withTriggers ? on : off).push(await round());
    }
    await sql.unsafe(`alter table public.leads enable trigger user`);
    const [check] = await sql`select count(*)::int as n, count(*) filter (where email = lower(btrim(email)))::int as clean
      from public.leads where workspace_id = ${ws}`;
    console.log(`leads benchmark: ${rounds} rounds each way of ${batches} requests x ${fmt(batch, 0)} leads (POST /rest/v1/leads as a member), alternating`);
    console.log(`  with the triggers:  ${on.map((x) => fmt(x, 0)).join(" / ")} leads/s, median ${fmt(median(on), 0)} (target >= 5,000)`);
    console.log(`  triggers disabled:  ${off.map((x) => fmt(x, 0)).join(" / ")} leads/s, median ${fmt(median(off), 0)}`);
    console.log(`  ratio: ${(median(on) / median(off)).toFixed(2)}x (target >= 0.50x); ${fmt(check.n, 0)} leads stored, ${fmt(check.clean, 0)} with a normalised email`);
  } finally {
    await done(cleanup);
  }
}
