// npm run bench -- privacy [--scale 1]
// Export and erasure of one user in a database that holds other people's data too: a workspace
// of 50 members with scale x (100,000 audit rows, 50,000 Slack messages, 20,000 video comments,
// 10,000 decisions), 1% of each about the subject. Times private.build_user_export, the erasure
// (private.erase_user: catalog-driven deletes/unlinks, then the text scrub of every text-like
// column in public and private), the proof scan (private.personal_value_locations) and a second
// erasure. Runs in one transaction that is rolled back: nothing stays.
import { randomUUID } from "node:crypto";
import { arg, benchDatabase, fmt } from "./scratch.ts";

class Rollback extends Error {}

export async function main(args: string[]): Promise<void> {
  const scale = arg(args, "scale", 1);
  const { sql, done } = await benchDatabase();
  const tag = randomUUID().slice(0, 8);
  const lines: string[] = [];
  const time = async <T>(label: string, f: () => Promise<T>) => {
    const t0 = performance.now();
    const r = await f();
    const ms = performance.now() - t0;
    lines.push(`${label}: ${fmt(ms, 0)} ms`);
    return r;
  };
  try {
    await sql.begin(async (tx) => {
      const [ws] = await tx`insert into public.workspaces (name, slug) values ('bench', ${"bench-" + tag}) returning id`;
      const users = await tx`
        insert into auth.users (id, email)
        select gen_random_uuid(), 'bench-' || ${tag} || '-' || i || '@example.com' from generate_series(1, 50) i
        returning id, email`;
      const subject = users[0];
      await tx`insert into public.workspace_members (workspace_id, user_id, role)
        select ${ws.id}, u.id, 'member' from auth.users u where u.email like ${"bench-" + tag + "-%"}`;
      await tx`insert into public.slack_channels (workspace_id, team_id, slack_channel_id, name) values (${ws.id}, 'TB', 'CB', 'bench')`;
      const [video] = await tx`insert into public.videos (workspace_id, title, duration_seconds) values (${ws.id}, 'bench', 600) returning id`;
      const ids = users.map((u) => u.id);
      const n = (k: number) => Math.round(k * scale);
      await time(`seed: ${fmt(n(100_000))} audit rows, ${fmt(n(50_000))} Slack messages, ${fmt(n(20_000))} comments, ${fmt(n(10_000))} decisions`, async () => {
        await tx`insert into public.audit_log (workspace_id, table_name, record_id, action, actor_id, actor_role, new_data)
          select ${ws.id}, 'bench', i::text, 'update', (${ids}::uuid[])[1 + i % 50], 'authenticated',
                 jsonb_build_object('note', 'changed by ' || (${ids}::uuid[])[1 + i % 50], 'i', i)
          from generate_series(1, ${n(100_000)}) i`;
        await tx`insert into public.slack_messages (workspace_id, slack_channel_id, ts, slack_user_id, text, posted_at)
          select ${ws.id}, 'CB', (1700000000 + i) || '.000100', 'U' || (i % 50),
                 case when i % 100 = 0 then 'ping ' || ${subject.email} else 'message number ' || i end, now()
          from generate_series(1, ${n(50_000)}) i`;
        await tx`insert into public.video_comments (workspace_id, video_id, user_id, body)
          select ${ws.id}, ${video.id}, (${ids}::uuid[])[1 + i % 50], 'comment ' || i from generate_series(1, ${n(20_000)}) i`;
        await tx`insert into public.decision_log (workspace_id, domain, actor_id, decision, rationale)
          select ${ws.id}, 'growth', (${ids}::uuid[])[1 + i % 50], 'decision ' || i,
                 case when i % 100 = 0 then 'asked by ' || ${subject.email} else 'because ' || i end
          from generate_series(1, ${n(10_000)}) i`;
        await tx`analyze public.audit_log, public.slack_messages, public.video_comments, public.decision_log`;
      });
      const [{ bytes, rows }] = await time("build_user_export (the subject's document)", () =>
        tx`select length(d::text) as bytes, (select sum(jsonb_array_length(v)) from jsonb_each(d -> 'tables') e (k, v)) as rows
           from private.build_user_export(${subject.id}) d`);
      lines.push(`  document: ${fmt(Number(rows))} rows, ${fmt(Number(bytes) / 1024, 0)} KiB`);
      const [{ erased }] = await time("erase_user (first run)", () => tx`select private.erase_user(${subject.id}) as erased`);
      const total = Object.values(erased as Record<string, Record<string, Record<string, number>>>)
        .flatMap((cols) => Object.values(cols).flatMap((acts) => Object.values(acts))).reduce((a, b) => a + b, 0);
      lines.push(`  rows deleted, unlinked or scrubbed: ${fmt(total)}`);
      const left = await time("personal_value_locations (proof scan)", () =>
        tx`select * from private.personal_value_locations(${[subject.id, subject.email]})`);
      lines.push(`  places still holding the id or email: ${left.length}`);
      await time("erase_user (second run)", () => tx`select private.erase_user(${subject.id})`);
      const [{ size }] = await tx`select pg_size_pretty(pg_database_size(current_database())) as size`;
      lines.push(`database size during the run: ${size}`);
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  } finally {
    await done("select 1");
  }
  console.log(`privacy benchmark (scale ${scale}), one transaction, rolled back:`);
  for (const l of lines) console.log(l);
}
