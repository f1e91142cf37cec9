// Slack through the gateway and a fake Slack: OAuth (a bot token per workspace), users and
// channels synced with cursor paging and 429s, approvals posted with buttons and decided from
// Slack as the member the Slack user is (a viewer refused, an admin recorded, the message edited
// to say who), signed requests only (forged or old ones refused, checked beside @slack/bolt's
// own verification), Events API messages cached once, polls answered, alerts posted and edited.
import { verifySlackRequest } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKeyRing } from "../../functions/_shared/crypto.ts";
import { runSlackPost } from "../../functions/slack-post/round.ts";
import { runSlackSync } from "../../functions/slack-sync/round.ts";
import { verifySlack } from "../../functions/slack/verify.ts";
import { localIntegrationEnv } from "../../scripts/lib/gateway.ts";
import { team, type Team } from "../helpers/api.ts";
import { FakeProviders } from "../helpers/fake-providers.ts";
import { SlackFake, slackSign } from "../helpers/fakes/slack.ts";
import { api, config, dropWorkspace, superuser } from "../helpers/stack.ts";
import { waitFor } from "../helpers/wait.ts";

const sql = superuser();
const fake = new FakeProviders();
const slack = fake.mount(new SlackFake());
const local = localIntegrationEnv(config);
const secret = local.SLACK_SIGNING_SECRET;
const CHANNEL = "C0ALERTS";
let t: Team;

const deps = async () => ({
  sql,
  ring: await loadKeyRing(local.GROWTHBASE_TOKEN_KEYS, local.GROWTHBASE_TOKEN_KEY_ID),
  http: { fetch, now: () => Date.now() },
  apiUrl: local.SLACK_API_URL,
});

/** Runs a worker until `done` holds (the gateway's own worker, woken by the database, may help). */
/** Runs the worker (work) until done() holds, with the flows' one waitFor. */
const until = <T>(work: () => Promise<unknown>, done: () => Promise<T | false | null | undefined>, ms = 20_000) =>
  waitFor("the state", async () => (await work(), await done()), Boolean, ms) as Promise<T>;

function signedPost(path: string, body: string, contentType: string, headers = slackSign(secret, body)) {
  return fetch(`${api}/functions/v1/slack/${path}`, { method: "POST", headers: { "content-type": contentType, ...headers }, body });
}

function click(user: string, actionId: string, value: string, hook = "h1") {
  const payload = {
    type: "block_actions", team: { id: slack.team.id }, user: { id: user }, channel: { id: CHANNEL },
    response_url: `${fake.url}/slack/hooks/${hook}`, actions: [{ action_id: actionId, value, type: "button" }],
  };
  return signedPost("interactivity", new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded");
}

beforeAll(async () => {
  await fake.start();
  t = await team(sql);
  slack.users = [
    { id: "U0ADMIN", team_id: slack.team.id, name: "ada", real_name: "Ada Admin", profile: { email: t.ws.people.admin.email, title: "Ops" } },
    { id: "U0VIEW", team_id: slack.team.id, name: "vic", profile: { email: t.ws.people.viewer.email } },
    { id: "U0OTHER", team_id: slack.team.id, name: "oz", profile: { email: "someone@else.test" } },
  ];
  slack.channels = [{ id: CHANNEL, name: "alerts", num_members: 3 }, { id: "C0GENERAL", name: "general" }, { id: "C0PRIV", name: "secret", is_private: true }];
});

afterAll(async () => {
  if (!process.env.KEEP) await dropWorkspace(sql, t.ws.tag);
  await fake.stop();
  await sql.end();
});

describe("Slack's request signature", () => {
  it("agrees with @slack/bolt's verifySlackRequest on good, forged and old requests", async () => {
    const body = "payload=%7B%7D";
    const now = Date.now();
    const cases = [
      { name: "good", headers: slackSign(secret, body), ok: true },
      { name: "forged", headers: slackSign("not-the-secret", body), ok: false },
      { name: "old", headers: slackSign(secret, body, Math.floor(now / 1000) - 301), ok: false },
      { name: "tampered", headers: { ...slackSign(secret, body), "x-slack-signature": slackSign(secret, body + "x")["x-slack-signature"] }, ok: false },
    ];
    for (const c of cases) {
      const bolt = (() => {
        try {
          verifySlackRequest({
            signingSecret: secret, body, nowMilliseconds: now,
            headers: { "x-slack-signature": c.headers["x-slack-signature"], "x-slack-request-timestamp": Number(c.headers["x-slack-request-timestamp"]) },
          });
          return true;
        } catch {
          return false;
        }
      })();
      const ours = await verifySlack(new Headers(c.headers), new TextEncoder().encode(body), secret, now).then(() => true, () => false);
      expect([c.name, bolt, ours]).toEqual([c.name, c.ok, c.ok]);
    }
  });

  it("refuses forged and old requests at the endpoint", async () => {
    const body = JSON.stringify({ type: "url_verification", challenge: "abc" });
    expect((await signedPost("events", body, "application/json", slackSign("wrong", body))).status).toBe(401);
    const old = await signedPost("events", body, "application/json", slackSign(secret, body, Math.floor(Date.now() / 1000) - 600));
    expect(old.status).toBe(401);
    expect((await old.json()).error.code).toBe("stale_signature");
    const ok = await signedPost("events", body, "application/json");
    expect(await ok.json()).toEqual({ challenge: "abc" });
  });
});

describe("connecting and syncing", () => {
  it("connects a Slack team through OAuth, keeping the bot token encrypted", async () => {
    // the first sync is this test file's to run: the gateway's own worker is not woken for it
    await sql`update private.callable_functions set wake_requested_at = now() + interval '1 hour' where name = 'slack-sync'`;
    const start = await fetch(`${api}/functions/v1/oauth/start`, {
      method: "POST",
      headers: { authorization: `Bearer ${t.ws.people.admin.jwt}`, "content-type": "application/json" },
      body: JSON.stringify({ workspaceId: t.ws.id, provider: "slack" }),
    });
    expect(start.status).toBe(200);
    const url = new URL((await start.json()).url);
    expect(url.searchParams.get("scope")).toContain("chat:write");
    const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0];
    const cb = await fetch(`${api}/functions/v1/oauth/callback/slack?code=c0de&state=${url.searchParams.get("state")}`,
      { redirect: "manual", headers: { cookie } });
    expect(new URL(cb.headers.get("location")!).searchParams.get("status")).toBe("connected");
    const [c] = await sql`select c.external_account_id, c.metadata ->> 'bot_user_id' as bot, t.access_token_ciphertext
      from public.integration_connections c join private.integration_tokens t on t.connection_id = c.id
      where c.workspace_id = ${t.ws.id} and c.provider = 'slack'`;
    expect(c.external_account_id).toBe(slack.team.id);
    expect(c.bot).toBe("U0BOT");
    expect(c.access_token_ciphertext).not.toContain(slack.botToken);
  });

  it("syncs users and channels page by page, waiting out a 429 on that method alone", async () => {
    slack.fail({ kind: "throttle", seconds: 2 }, { when: "users.list", times: 1 });
    const d = await deps();
    await runSlackSync({ ...d, once: true });
    // the sync waits for users.list's Retry-After; the team stays callable for chat.postMessage
    const [conn] = await sql`select health::text, throttled_until from public.integration_connections
      where workspace_id = ${t.ws.id} and provider = 'slack'`;
    expect(conn.health).toBe("ok");
    expect(conn.throttled_until).toBeNull();
    const [job] = await sql`select status::text, attempts, next_attempt_at > now() + interval '1 second' as waits
      from private.connector_jobs where workspace_id = ${t.ws.id} and queue = 'slack_sync'`;
    expect(job).toMatchObject({ status: "queued", attempts: 0, waits: true });
    await until(() => runSlackSync(d), async () => {
      const [{ n }] = await sql`select count(*)::int as n from public.slack_channels where workspace_id = ${t.ws.id}`;
      return n === 3;
    });
    const users = await sql`select slack_user_id, email from public.slack_users where workspace_id = ${t.ws.id} order by 1`;
    expect(users.map((u) => u.slack_user_id)).toEqual(["U0ADMIN", "U0OTHER", "U0VIEW"]);
    expect(slack.calls("users.list").length).toBeGreaterThanOrEqual(3); // the 429, then two pages
  });
});

describe("approvals, alerts and briefings in Slack", () => {
  let approvalId: string;

  beforeAll(async () => {
    const r = await t.admin.from("slack_assistant_settings").insert({ workspace_id: t.ws.id, setting_key: "notifications.channel", setting_value: CHANNEL });
    expect(r.error).toBeNull();
    const [a] = await sql`insert into public.agent_approvals (workspace_id, action, title, rationale)
      values (${t.ws.id}, 'change_ad_budget', 'Raise <!channel> budget', 'ROAS is up') returning id`;
    approvalId = a.id;
  });

  it("posts a pending approval with Approve and Reject buttons and keeps its ts", async () => {
    const d = await deps();
    const row = await until(() => runSlackPost(d), async () => {
      const [a] = await sql`select slack_channel_id, slack_message_ts from public.agent_approvals where id = ${approvalId}`;
      return a.slack_message_ts ? a : null;
    });
    const m = slack.messages.get(`${CHANNEL}|${row.slack_message_ts}`)!;
    expect(JSON.stringify(m.blocks)).toContain("approval_approve");
    expect(JSON.stringify(m.blocks)).toContain("Raise &lt;!channel&gt; budget");
  });

  it("refuses a viewer's decision from Slack with the app's error, and records an admin's", async () => {
    const viewer = await click("U0VIEW", "approval_approve", approvalId, "viewer");
    expect(viewer.status).toBe(200);
    expect(await viewer.json()).toEqual({ status: "refused", code: "42501" });
    expect(slack.hooks.at(-1)!.text).toContain("member role");
    const stranger = await click("U0OTHER", "approval_approve", approvalId);
    expect((await stranger.json()).status).toBe("not_a_member");
    const [still] = await sql`select status::text from public.agent_approvals where id = ${approvalId}`;
    expect(still.status).toBe("pending");

    const started = Date.now();
    const admin = await click("U0ADMIN", "approval_reject", approvalId);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await admin.json()).toEqual({ status: "decided" });
    const [a] = await sql`select status::text, decided_by, decision_note, slack_message_ts from public.agent_approvals where id = ${approvalId}`;
    expect([a.status, a.decided_by, a.decision_note]).toEqual(["rejected", t.ws.people.admin.id, "decided in Slack"]);
    const again = await click("U0ADMIN", "approval_approve", approvalId);
    expect(await again.json()).toEqual({ status: "refused", code: "PT409" });

    const d = await deps();
    const m = await until(() => runSlackPost(d), async () => {
      const x = slack.messages.get(`${CHANNEL}|${a.slack_message_ts}`)!;
      return x.edits > 0 ? x : null;
    });
    expect(JSON.stringify(m.blocks)).toContain(`Rejected by ${t.ws.people.admin.email}`);
    expect(JSON.stringify(m.blocks)).not.toContain("approval_approve");
    expect(slack.inChannel(CHANNEL).filter((x) => x.text.includes("budget"))).toHaveLength(1);
  });

  it("posts an ops alert once and edits the same message when it is resolved; briefings too", async () => {
    const [al] = await sql`insert into public.ops_alerts (workspace_id, alert_type, severity, title, dedupe_key)
      values (${t.ws.id}, 'health', 'high', 'Queue lag', 'test:lag') returning id`;
    const d = await deps();
    const posted = await until(() => runSlackPost(d), async () => {
      const [x] = await sql`select slack_message_ts from public.ops_alerts where id = ${al.id}`;
      return x.slack_message_ts as string | null;
    });
    await sql`update public.ops_alerts set status = 'resolved' where id = ${al.id}`;
    const m = await until(() => runSlackPost(d), async () => {
      const x = slack.messages.get(`${CHANNEL}|${posted}`)!;
      return x.edits > 0 ? x : null;
    });
    expect(m.text).toContain("resolved");
    expect(slack.inChannel(CHANNEL).filter((x) => x.text.includes("Queue lag"))).toHaveLength(1);

    const [b] = await sql`insert into public.ceo_briefings (workspace_id, kind, period_start, period_end, executive_summary)
      values (${t.ws.id}, 'weekly', current_date - 7, current_date, 'Revenue up 4%') returning id`;
    await until(() => runSlackPost(d), async () => {
      const [x] = await sql`select slack_message_ts from public.ceo_briefings where id = ${b.id}`;
      return x.slack_message_ts;
    });
  });
});

describe("events and polls", () => {
  it("caches message events once per event id", async () => {
    const ts = `${Math.floor(Date.now() / 1000)}.000200`;
    const body = JSON.stringify({
      type: "event_callback", team_id: slack.team.id, event_id: `Ev${Date.now()}`,
      event: { type: "message", channel: "C0GENERAL", user: "U0ADMIN", text: "shipping today", ts },
    });
    expect((await signedPost("events", body, "application/json")).status).toBe(200);
    expect((await signedPost("events", body, "application/json")).status).toBe(200);
    const rows = await sql`select text, slack_user_id from public.slack_messages where workspace_id = ${t.ws.id} and ts = ${ts}`;
    expect(rows.map((r) => [r.text, r.slack_user_id])).toEqual([["shipping today", "U0ADMIN"]]);
  });

  it("records a poll answer from a button", async () => {
    await sql`insert into public.slack_poll_states (workspace_id, poll_id, slack_channel_id, question, options)
      values (${t.ws.id}, 'lunch', 'C0GENERAL', 'Lunch?', '{pizza,salad}')`;
    expect(await (await click("U0VIEW", "poll_vote", "lunch|1")).json()).toEqual({ status: "recorded" });
    const [p] = await sql`select responses from public.slack_poll_states where workspace_id = ${t.ws.id} and poll_id = 'lunch'`;
    expect(p.responses).toEqual({ U0VIEW: 1 });
  });
});
