// Health checks that run: the scheduled SQL checks (database, queue lag, cron jobs, connections)
// and the provider probes write ops_health_checks; a failing check opens one alert, posts it to
// Slack once, opens an incident when down, and resolves them when it recovers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptToken, loadKeyRing } from "../../functions/_shared/crypto.ts";
import { runProbes } from "../../functions/ops-health/probe.ts";
import { runSlackPost } from "../../functions/slack-post/round.ts";
import { localIntegrationEnv } from "../../scripts/lib/gateway.ts";
import { team, type Team } from "../helpers/api.ts";
import { FakeProviders } from "../helpers/fake-providers.ts";
import { ResendFake } from "../helpers/fakes/resend.ts";
import { SlackFake } from "../helpers/fakes/slack.ts";
import { config, dropWorkspace, superuser } from "../helpers/stack.ts";

const sql = superuser();
const fake = new FakeProviders();
const slack = fake.mount(new SlackFake());
fake.mount(new ResendFake());
const local = localIntegrationEnv(config);
let t: Team;

async function check(service: string) {
  const { data } = await t.viewer.from("ops_health_checks").select("status, message").eq("service", service).single();
  return data!;
}

async function post() {
  const ring = await loadKeyRing(local.GROWTHBASE_TOKEN_KEYS, local.GROWTHBASE_TOKEN_KEY_ID);
  await runSlackPost({ sql, ring, http: { fetch, now: () => Date.now() }, apiUrl: local.SLACK_API_URL });
}

beforeAll(async () => {
  await fake.start();
  t = await team(sql);
  // Slack connected, with a notification channel
  slack.team = { id: `T${t.ws.tag.toUpperCase().replace(/[^A-Z0-9]/g, "")}`, name: "health" };
  const ring = await loadKeyRing(local.GROWTHBASE_TOKEN_KEYS, local.GROWTHBASE_TOKEN_KEY_ID);
  const [c] = await sql`insert into public.integration_connections (workspace_id, provider, external_account_id)
    values (${t.ws.id}, 'slack', ${slack.team.id}) returning id`;
  await sql`insert into private.integration_tokens (connection_id, access_token_ciphertext, key_id)
    values (${c.id}, ${await encryptToken(ring, slack.botToken)}, ${ring.currentId})`;
  await sql`insert into public.slack_assistant_settings (workspace_id, setting_key, setting_value)
    values (${t.ws.id}, 'notifications.channel', '"C0OPS"')`;
});

afterAll(async () => {
  await dropWorkspace(sql, t.ws.tag);
  await fake.stop();
  await sql.end();
});

describe("health checks", () => {
  it("records the database, every queue, every cron job and each connection", async () => {
    await sql`select private.run_health_checks()`;
    const { data } = await t.viewer.from("ops_health_checks").select("service, status");
    const services = data!.map((r) => r.service);
    expect(services).toContain("database");
    expect(services).toEqual(expect.arrayContaining(["queue.email", "queue.slack_post", "queue.chatwoot", "queue.embeddings",
      "queue.webhook-dispatch", "cron.email-enqueue", "cron.ops-health-checks", `connection.slack.${slack.team.id.toLowerCase()}`]));
    expect((await check("queue.email")).status).toBe("healthy");
  });

  it("a queue that lags opens one alert, posts it to Slack once, opens an incident when it stays down, and resolves them when it recovers", async () => {
    await sql`insert into private.email_messages (workspace_id, kind, idempotency_key, to_email, subject, text_body, next_attempt_at, batch_key)
      values (${t.ws.id}, 'invitation', 'stuck', 'x@y.test', 'stuck', 'stuck', now() - interval '2 hours', 'stuck-key')`;
    // the sender is throttled for long: the message waits
    await sql`update private.email_sender_state set throttled_until = now() + interval '1 hour'`;
    try {
      await sql`select private.run_health_checks()`;
      expect((await check("queue.email")).status).toBe("down");
      const [{ n: none }] = await sql`select count(*)::int as n from public.ops_incidents where workspace_id = ${t.ws.id}`;
      expect(none).toBe(0); // one failed check is an alert, not yet an incident
      await sql`select private.run_health_checks()`;
      await sql`select private.run_health_checks()`;
      const alerts = await sql`select id, status::text, severity::text from public.ops_alerts where workspace_id = ${t.ws.id} and dedupe_key = 'health:queue.email'`;
      expect(alerts.map((a) => [a.status, a.severity])).toEqual([["open", "high"]]);
      const incidents = await sql`select status::text from public.ops_incidents where workspace_id = ${t.ws.id} and alert_id = ${alerts[0].id}`;
      expect(incidents.map((i) => i.status)).toEqual(["investigating"]);

      // the gateway's worker, woken by the database, may hold the team's one job in flight while
      // it starts cold (its first import of the Slack client on a fresh machine): wait it out
      const posted = Date.now() + 60_000;
      while (!slack.inChannel("C0OPS").some((m) => m.text.includes("queue.email")) && Date.now() < posted) {
        await post();
        await new Promise((r) => setTimeout(r, 200));
      }
      await post();
      expect(slack.inChannel("C0OPS").filter((m) => m.text.includes("queue.email"))).toHaveLength(1);

      await sql`update private.email_messages set status = 'failed', finished_at = now(), batch_key = null where workspace_id = ${t.ws.id}`;
      await sql`select private.run_health_checks()`;
      expect((await check("queue.email")).status).toBe("healthy");
      const [a] = await sql`select status::text from public.ops_alerts where id = ${alerts[0].id}`;
      expect(a.status).toBe("resolved");
      const [i] = await sql`select status::text from public.ops_incidents where alert_id = ${alerts[0].id}`;
      expect(i.status).toBe("resolved");
      // the edit: this file's worker or the gateway's (the database wakes it) makes it
      const deadline = Date.now() + 60_000;
      let msgs = slack.inChannel("C0OPS").filter((m) => m.text.includes("queue.email"));
      while (!msgs[0]?.edits && Date.now() < deadline) {
        await post();
        await new Promise((r) => setTimeout(r, 200));
        msgs = slack.inChannel("C0OPS").filter((m) => m.text.includes("queue.email"));
      }
      expect(msgs).toHaveLength(1);
      expect(msgs[0].edits).toBeGreaterThanOrEqual(1);
      expect(msgs[0].text).toContain("resolved");
    } finally {
      await sql`update private.email_sender_state set throttled_until = null`;
    }
  }, 150_000);

  it("probes providers through their configured base URLs", async () => {
    const r = await runProbes({
      sql,
      fetch,
      timeoutMs: 2000,
      configured: [
        { provider: "resend", url: local.RESEND_BASE_URL, workspace_ids: [t.ws.id] },
        { provider: "nowhere", url: "http://127.0.0.1:9/", workspace_ids: [t.ws.id] },
      ],
    });
    expect(r.unreachable).toEqual(["nowhere"]);
    expect((await check("provider.resend")).status).toBe("healthy");
    expect((await check("provider.nowhere")).status).toBe("down");
  });
});
