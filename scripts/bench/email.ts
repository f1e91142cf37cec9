// npm run bench -- email [--recipients 100000] [--rps 20] [--concurrency 4]
// A campaign to `recipients` subscribed contacts, queued (private.start_due_email_campaigns:
// one rendered message per contact) and sent by the email-send worker's loop through a fake
// Resend on 127.0.0.1 that accepts `rps` requests per second (429 beyond, as Resend does), in
// batches of 100 with an Idempotency-Key each. Beside it, in the same run, the fake's own ceiling:
// the same SDK calls with the same batches sent straight at it, no database. The gateway's own
// sender is kept asleep meanwhile, and everything is removed afterwards.
import { randomUUID } from "node:crypto";
import { resendProvider } from "../../functions/_shared/providers/resend.ts";
import { runSender } from "../../functions/email-send/round.ts";
import { FakeServer } from "../../tests/helpers/fakes/server.ts";
import { ResendFake } from "../../tests/helpers/fakes/resend.ts";
import { arg, benchDatabase, fmt } from "./scratch.ts";

export async function main(args: string[]): Promise<void> {
  const recipients = arg(args, "recipients", 100_000);
  const rps = arg(args, "rps", 20);
  const concurrency = arg(args, "concurrency", 4);
  const { sql, done } = await benchDatabase();
  const fake = new ResendFake();
  fake.ceilingRps = rps;
  const server = await new FakeServer(0, fake).start();
  const baseUrl = `http://127.0.0.1:${server.boundPort}/resend`;
  const provider = resendProvider({ apiKey: fake.apiKey, baseUrl, timeoutMs: 10_000, now: Date.now });
  const tag = randomUUID().slice(0, 8);
  let ws = "";
  const lines: string[] = [`recipients ${fmt(recipients)}, fake Resend ceiling ${fmt(rps)} requests/s = ${fmt(rps * 100)} emails/s in batches of 100`];
  try {
    await sql`update private.callable_functions set wake_requested_at = now() + interval '1 day' where name = 'email-send'`;
    await sql`update private.email_sender_state set throttled_until = null`;

    // 1. the fake's own ceiling: batches straight at it, as fast as it takes them
    const direct = Math.min(200, Math.ceil(recipients / 100));
    const batch = Array.from({ length: 100 }, (_, i) => ({ from: "bench@bench.test", to: `r${i}@bench.test`, subject: "s", html: "<p>x</p>" }));
    let next = 0;
    let throttled = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < direct) {
        const i = next++;
        for (;;) {
          try {
            await provider.send(batch, { idempotencyKey: `direct-${tag}-${i}`, batch: true });
            break;
          } catch {
            throttled++;
            await new Promise((r) => setTimeout(r, 50));
          }
        }
      }
    }));
    const directS = (performance.now() - t0) / 1000;
    lines.push(`fake alone: ${fmt(direct * 100)} emails in ${fmt(directS, 2)} s = ${fmt((direct * 100) / directS, 0)} emails/s (${throttled} 429s retried)`);

    // 2. the pipeline: queue the campaign, then the worker loop drains it through the fake
    const [w] = await sql`insert into public.workspaces (name, slug) values ('bench email', ${"bench-email-" + tag}) returning id`;
    ws = w.id;
    const [list] = await sql`insert into public.email_lists (workspace_id, name) values (${ws}, 'all') returning id`;
    const [tpl] = await sql`insert into public.email_templates (workspace_id, name, subject, body_html, body_text)
      values (${ws}, 'news', 'News for {{ first_name }}', '<p>Hi {{ first_name }}</p><p><a href="{{ unsubscribe_url }}">unsubscribe</a></p>',
              'Hi {{ first_name }}') returning id`;
    const s0 = performance.now();
    await sql`insert into public.email_contacts (workspace_id, email, first_name, status)
      select ${ws}, 'r' || i || '@bench.test', 'R' || i, 'subscribed' from generate_series(1, ${recipients}) i`;
    await sql`insert into public.email_list_members (workspace_id, list_id, contact_id)
      select ${ws}, ${list.id}, c.id from public.email_contacts c where c.workspace_id = ${ws}`;
    // contacts are imported long before a campaign goes out: the planner knows them by then
    await sql`analyze public.email_contacts, public.email_list_members`;
    lines.push(`seed: ${fmt(recipients)} contacts on the list in ${fmt((performance.now() - s0) / 1000, 1)} s`);
    await sql`insert into public.email_campaigns (workspace_id, name, template_id, list_id, from_email, status)
      values (${ws}, 'bench', ${tpl.id}, ${list.id}, 'news@bench.test', 'draft')`;
    await sql`update public.email_campaigns set status = 'scheduled', scheduled_for = now() where workspace_id = ${ws}`;
    const q0 = performance.now();
    await sql`select private.start_due_email_campaigns()`;
    const queueS = (performance.now() - q0) / 1000;
    lines.push(`queue: ${fmt(recipients)} rendered messages in ${fmt(queueS, 1)} s = ${fmt(recipients / queueS, 0)} messages/s`);
    await sql`analyze private.email_messages`;

    const before = fake.sent.length;
    const callsBefore = fake.calls("/emails/batch").length;
    const throttledBefore = fake.throttledAnswers;
    const p0 = performance.now();
    let rounds = 0;
    for (;;) {
      const t = await runSender({
        sql, provider, defaultFrom: "bench@bench.test", maxRps: rps, concurrency, budgetMs: 600_000, roundSize: 20, workspaceId: ws,
      });
      rounds += t.rounds;
      const [{ n }] = await sql`select count(*)::int as n from private.email_messages where workspace_id = ${ws} and status in ('queued', 'sending')`;
      if (n === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const sendS = (performance.now() - p0) / 1000;
    const sent = fake.sent.length - before;
    const [c] = await sql`select status::text, recipients from public.email_campaigns where workspace_id = ${ws}`;
    const to = new Set(fake.sent.slice(before).map((e) => e.to[0]));
    lines.push(`send: ${fmt(sent)} emails in ${fmt(sendS, 1)} s = ${fmt(sent / sendS, 0)} emails/s over ${rounds} rounds; ` +
      `${fake.calls("/emails/batch").length - callsBefore} batch calls, ${fake.throttledAnswers - throttledBefore} answered 429`);
    lines.push(`campaign: ${c.status}, ${fmt(c.recipients)} recipients, ${fmt(to.size)} distinct addresses received (${sent - to.size} twice)`);
    lines.push(`pipeline / fake ceiling: ${fmt((sent / sendS) / ((direct * 100) / directS) * 100, 0)} %; queue + send end to end ${fmt(recipients / (queueS + sendS), 0)} emails/s`);
  } finally {
    await server.stop();
    await sql`update private.callable_functions set wake_requested_at = null where name = 'email-send'`;
    await done(ws ? `delete from private.email_messages where workspace_id = '${ws}'; delete from public.workspaces where id = '${ws}'` : "select 1");
  }
  for (const l of lines) console.log(l);
}
