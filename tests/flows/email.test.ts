// Email that leaves, through the gateway and a fake Resend: every kind of email end to end, the
// batch endpoint with an Idempotency-Key per call, 429 honoured, a crash between the call and
// its commit sending nobody twice, Svix-signed delivery events rolling up, and suppression
// (bounces, complaints, one-click unsubscribes) respected by every later send.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSender } from "../../functions/email-send/round.ts";
import { resendProvider } from "../../functions/_shared/providers/resend.ts";
import { localIntegrationEnv } from "../../scripts/lib/gateway.ts";
import { team, type Team } from "../helpers/api.ts";
import { FakeProviders } from "../helpers/fake-providers.ts";
import { ResendFake, resendEvent } from "../helpers/fakes/resend.ts";
import { api, config, dropWorkspace, superuser } from "../helpers/stack.ts";

const sql = superuser();
const fake = new FakeProviders();
const resend = fake.mount(new ResendFake());
const local = localIntegrationEnv(config);
let t: Team;

const sender = (extra: Partial<Parameters<typeof runSender>[0]> = {}) =>
  runSender({
    sql,
    provider: resendProvider({ apiKey: local.RESEND_API_KEY, baseUrl: local.RESEND_BASE_URL, timeoutMs: 5000, now: Date.now }),
    defaultFrom: local.EMAIL_DEFAULT_FROM,
    maxRps: 1000,
    budgetMs: 20_000,
    // this file's emails only: the demo's review requests and other files' leftovers are the gateway's
    workspaceId: t.ws.id,
    ...extra,
  });

/** Runs the sender until nothing of this workspace is queued or sending (the gateway's worker may help). */
async function sendAll(extra: Partial<Parameters<typeof runSender>[0]> = {}) {
  const deadline = Date.now() + 25_000;
  for (;;) {
    await sender(extra);
    const [{ n }] = await sql`select count(*)::int as n from private.email_messages
      where (workspace_id = ${t.ws.id} or workspace_id is null) and status in ('queued', 'sending')
        and next_attempt_at <= now() + interval '15 seconds'`;
    if (n === 0) return;
    if (Date.now() > deadline) throw new Error(`${n} emails still queued`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function postEvent(type: string, data: Record<string, unknown>, o: { id?: string; at?: Date; secret?: string } = {}) {
  const e = resendEvent(o.secret ?? local.RESEND_WEBHOOK_SECRET, type, data, o);
  return await fetch(`${api}/functions/v1/webhooks/resend`, { method: "POST", headers: e.headers, body: e.body });
}

async function contact(email: string, status = "subscribed", first = "Ann") {
  const [c] = await sql`insert into public.email_contacts (workspace_id, email, first_name, status, attributes)
    values (${t.ws.id}, ${email}, ${first}, ${status}, '{}') returning id`;
  return c.id as string;
}

async function campaign(listId: string, templateId: string, name: string) {
  const { data, error } = await t.member.from("email_campaigns").insert({
    workspace_id: t.ws.id, name, template_id: templateId, list_id: listId, from_email: "news@brand.test", from_name: "Brand",
  }).select("id").single();
  expect(error).toBeNull();
  const s = await t.member.from("email_campaigns").update({ status: "scheduled", scheduled_for: new Date().toISOString() })
    .eq("id", data!.id);
  expect(s.error).toBeNull();
  await sql`select private.enqueue_due_emails()`;
  return data!.id as string;
}

beforeAll(async () => {
  await fake.start();
  t = await team(sql);
  await sql`update private.email_sender_state set throttled_until = null`;
});

afterAll(async () => {
  if (!process.env.KEEP) await dropWorkspace(sql, t.ws.tag);
  await fake.stop();
  await sql.end();
});

describe("templates and sender identity", () => {
  it("refuses a template that uses a variable no email provides, when it is saved", async () => {
    const bad = await t.member.from("email_templates").insert({
      workspace_id: t.ws.id, name: "bad", subject: "Hi {{ first_name }}", body_html: "<p>{{ favourite_colour }}</p>",
    });
    expect(bad.error?.code).toBe("22023");
    expect(bad.error?.message).toContain("favourite_colour");
    const ok = await t.member.from("email_templates").insert({
      workspace_id: t.ws.id, name: "ok", subject: "Hi {{ first_name }}", body_html: "<p>{{ favourite_colour }}</p>",
      variable_defaults: { favourite_colour: "blue" },
    });
    expect(ok.error).toBeNull();
  });

  it("lets admins, not members, set the workspace's sender", async () => {
    const row = { workspace_id: t.ws.id, from_email: "hello@brand.test", from_name: "Brand", reply_to: "care@brand.test" };
    expect((await t.member.from("email_sender_settings").insert(row)).error?.code).toBe("42501");
    expect((await t.admin.from("email_sender_settings").insert(row)).error).toBeNull();
    const { data } = await t.viewer.from("email_sender_settings").select("from_email").eq("workspace_id", t.ws.id);
    expect(data).toEqual([{ from_email: "hello@brand.test" }]);
  });
});

describe("campaigns", () => {
  let listId: string;
  let templateId: string;
  const addresses = Array.from({ length: 150 }, (_, i) => `reader${i}-${crypto.randomUUID().slice(0, 6)}@mail.test`);

  beforeAll(async () => {
    const [l] = await sql`insert into public.email_lists (workspace_id, name) values (${t.ws.id}, 'all') returning id`;
    listId = l.id;
    const [tpl] = await sql`insert into public.email_templates (workspace_id, name, subject, body_html, body_text)
      values (${t.ws.id}, 'news', 'News for {{ first_name }}', '<p>Hi {{ first_name }}</p><a href="{{ unsubscribe_url }}">unsubscribe</a>',
              'Hi {{ first_name }}') returning id`;
    templateId = tpl.id;
    for (const [i, a] of addresses.entries()) {
      const id = await contact(a, "subscribed", i === 0 ? "<script>x</script>" : "Ann");
      await sql`insert into public.email_list_members (workspace_id, list_id, contact_id) values (${t.ws.id}, ${listId}, ${id})`;
    }
    const never = await contact(`never-${t.ws.tag}@mail.test`, "unsubscribed");
    await sql`insert into public.email_list_members (workspace_id, list_id, contact_id) values (${t.ws.id}, ${listId}, ${never})`;
  });

  it("sends in batches of 100 through the batch endpoint, escaped, with one-click unsubscribe headers", async () => {
    const before = resend.calls("/emails/batch").length;
    const id = await campaign(listId, templateId, "first");
    await sendAll();
    const batches = resend.calls("/emails/batch").slice(before);
    expect(batches.length).toBeGreaterThanOrEqual(2);
    expect(batches.every((b) => typeof b.headers["idempotency-key"] === "string")).toBe(true);
    for (const a of addresses) expect(resend.to(a)).toHaveLength(1);
    expect(resend.to(`never-${t.ws.tag}@mail.test`)).toHaveLength(0);
    const first = resend.to(addresses[0])[0];
    expect(first.html).toContain("&lt;script&gt;");
    expect(first.from).toBe('"Brand" <news@brand.test>');
    expect(first.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(first.headers?.["List-Unsubscribe"]).toMatch(/^<http.*\/functions\/v1\/email-unsubscribe\?token=/);
    const { data } = await t.viewer.from("email_campaigns").select("status, recipients").eq("id", id).single();
    expect(data).toEqual({ status: "sent", recipients: 150 });
  });

  it("rolls Svix-signed delivery events up onto the campaign, once per event id", async () => {
    const [{ id }] = await sql`select id from public.email_campaigns where workspace_id = ${t.ws.id} and name = 'first'`;
    const email = resend.to(addresses[1])[0];
    const delivered = await postEvent("email.delivered", { email_id: email.id, to: [addresses[1]] }, { id: "msg_delivered_1" });
    expect(delivered.status).toBe(200);
    expect((await postEvent("email.delivered", { email_id: email.id }, { id: "msg_delivered_1" })).status).toBe(200);
    await postEvent("email.opened", { email_id: email.id });
    await postEvent("email.opened", { email_id: email.id });
    await postEvent("email.clicked", { email_id: email.id, click: { link: "https://brand.test" } });
    const { data } = await t.viewer.from("email_campaigns").select("delivered, opens, unique_opens, clicks, unique_clicks")
      .eq("id", id).single();
    expect(data).toEqual({ delivered: 1, opens: 2, unique_opens: 1, clicks: 1, unique_clicks: 1 });
  });

  it("refuses a forged or stale Svix signature", async () => {
    const forged = await postEvent("email.delivered", { email_id: "x" }, { secret: "whsec_" + Buffer.from("another secret of 32 bytes!!!!!!").toString("base64") });
    expect(forged.status).toBe(401);
    const stale = await postEvent("email.delivered", { email_id: "x" }, { at: new Date(Date.now() - 10 * 60_000) });
    expect(stale.status).toBe(401);
    expect((await stale.json()).error.code).toBe("stale_signature");
  });

  it("never mails a bounced, complained or unsubscribed address again", async () => {
    const bounce = resend.to(addresses[2])[0];
    await postEvent("email.bounced", { email_id: bounce.id, bounce: { type: "Permanent", message: "550 no such user" } });
    const complaint = resend.to(addresses[3])[0];
    await postEvent("email.complained", { email_id: complaint.id });
    // the unsubscribe link works without signing in: GET shows a button, POST (RFC 8058 one-click) unsubscribes
    const link = resend.to(addresses[4])[0].headers!["List-Unsubscribe"].slice(1, -1);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    const [{ n: before }] = await sql`select count(*)::int as n from public.email_suppressions where workspace_id = ${t.ws.id}`;
    expect(before).toBe(2); // a GET changes nothing
    const oneClick = await fetch(link, {
      method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    const forged = await fetch(link.replace(/.$/, (c) => (c === "A" ? "B" : "A")), { method: "POST", body: "List-Unsubscribe=One-Click" });
    expect(forged.status).toBe(400);

    const { data: suppressed } = await t.viewer.from("email_suppressions").select("email, reason").order("email");
    expect(suppressed).toEqual(
      [{ email: addresses[2], reason: "bounced" }, { email: addresses[3], reason: "complained" }, { email: addresses[4], reason: "unsubscribed" }]
        .sort((a, b) => a.email.localeCompare(b.email)),
    );
    const { data: first } = await t.viewer.from("email_campaigns").select("bounces, complaints, unsubscribes").eq("name", "first").single();
    expect(first).toEqual({ bounces: 1, complaints: 1, unsubscribes: 1 });

    await campaign(listId, templateId, "second");
    await sendAll();
    for (const a of addresses.slice(2, 5)) expect(resend.to(a)).toHaveLength(1);
    expect(resend.to(addresses[5])).toHaveLength(2);
    // a transactional email to the bounced address is suppressed too
    await sql`select private.enqueue_email(${t.ws.id}, 'invitation', 'probe-bounced', ${addresses[2]}, 'probe', '<p>x</p>')`;
    await sendAll();
    expect(resend.to(addresses[2])).toHaveLength(1);
  });

  it("sends nobody twice when the worker dies between the call and its commit", async () => {
    // the gateway's own sender is not woken for this campaign: this test's worker claims it first
    await sql`update private.callable_functions set wake_requested_at = now() + interval '1 hour' where name = 'email-send'`;
    const id = await campaign(listId, templateId, "crash");
    let crashed = 0;
    let crashedKey = "";
    await expect(sender({
      afterCall: (key) => {
        crashed++;
        crashedKey = key;
        throw new Error("killed after the call");
      },
      concurrency: 1,
    })).rejects.toThrow("killed after the call");
    expect(crashed).toBe(1);
    // the lease runs out; the batch is claimed again with the same key and the same emails
    await sql`update private.email_messages set lease_expires_at = now() where status = 'sending' and email_campaign_id = ${id}`;
    await sendAll();
    // the batch the worker died on was asked again with the same key (it may be another test's
    // leftover single email: claims take what is due first), and answered without a second send
    const asked = resend.requests.filter((c) => c.path.startsWith("/emails") && c.headers["idempotency-key"] === crashedKey);
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect(new Set(asked.map((c) => c.body)).size).toBe(1);
    const got = resend.sent.filter((e) => e.subject.startsWith("News for")).map((e) => e.to[0]);
    for (const a of addresses.slice(5)) expect(got.filter((x) => x === a)).toHaveLength(3);
    const { data } = await t.viewer.from("email_campaigns").select("status, recipients").eq("id", id).single();
    expect(data!.status).toBe("sent");
    expect(data!.recipients).toBe(147);
  });

  it("waits as long as a 429 asks, then sends what was throttled, once", async () => {
    resend.fail({ kind: "throttle", seconds: 1 }, { when: "/emails/batch", times: 1 });
    const id = await campaign(listId, templateId, "throttled");
    await sendAll();
    const statuses = await sql`select distinct status::text from private.email_messages where email_campaign_id = ${id}`;
    expect(statuses.map((s) => s.status)).toEqual(["sent"]);
    const [{ last }] = await sql`select last_throttle as last from private.email_sender_state`;
    expect(last).toContain("429");
    expect(resend.throttledAnswers).toBeGreaterThanOrEqual(1);
    const got = resend.sent.filter((e) => e.subject.startsWith("News for")).map((e) => e.to[0]);
    expect(got.filter((x) => x === addresses[10])).toHaveLength(4);
  });
});

describe("transactional and triggered email", () => {
  it("sends review requests, gift cards, automations, invitations, exports and approval digests", async () => {
    const buyer = `buyer-${t.ws.tag}@mail.test`;
    await contact(buyer, "unsubscribed", "Bea"); // a buyer who never subscribed still gets a review request
    const [order] = await sql`insert into public.orders (workspace_id, shopify_order_id, currency, total_price_cents, processed_at, email_sha256)
      values (${t.ws.id}, ${"9" + Date.now()}, 'EUR', 1000, now(), private.email_sha256(${buyer})) returning id`;
    await sql`delete from public.email_suppressions where workspace_id = ${t.ws.id} and email = ${buyer}`;
    const [rr] = await sql`insert into public.review_requests (workspace_id, order_id, trigger_event, status, send_after, due_at, shopify_product_ids)
      values (${t.ws.id}, ${order.id}, 'manual', 'due', now(), now(), '{}') returning id`;

    const gifted = `gift-${t.ws.tag}@mail.test`;
    const [tx] = await sql`insert into public.gift_card_transactions (workspace_id, amount_cents, currency, source, status)
      values (${t.ws.id}, 2500, 'EUR', 'manual', 'issued') returning id`;
    const [ge] = await sql`insert into public.gift_card_emails (workspace_id, transaction_id) values (${t.ws.id}, ${tx.id}) returning id`;
    await sql`insert into private.gift_card_recipients (email_id, to_email) values (${ge.id}, ${gifted})`;

    const [tpl] = await sql`insert into public.email_templates (workspace_id, name, subject, body_text)
      values (${t.ws.id}, 'welcome', 'Welcome {{ first_name }}', 'Use {{ code }}') returning id`.catch(() => [null]);
    expect(tpl).toBeNull(); // {{ code }} needs a default
    const [welcome] = await sql`insert into public.email_templates (workspace_id, name, subject, body_text, variable_defaults)
      values (${t.ws.id}, 'welcome', 'Welcome {{ first_name }}', 'Use {{ code }}', '{"code": "HELLO"}') returning id`;
    await t.member.from("email_automation_rules").insert({
      workspace_id: t.ws.id, name: "welcome", trigger_event: "contact_subscribed", template_id: welcome.id,
    });
    const newcomer = `new-${t.ws.tag}@mail.test`;
    await t.member.from("email_contacts").insert({ workspace_id: t.ws.id, email: newcomer, first_name: "Nia", attributes: { code: "NIA10" } });

    const invitee = `invitee-${t.ws.tag}@mail.test`;
    const inv = await t.admin.rpc("create_workspace_invitation", { p_workspace_id: t.ws.id, p_email: invitee, p_role: "member" });
    expect(inv.error).toBeNull();

    const [pr] = await sql`insert into public.privacy_requests (kind, source, status, user_id, download_expires_at, export_path)
      values ('export', 'user', 'completed', ${t.ws.people.viewer.id}, now() + interval '7 days', 'x/y.json') returning id`;

    await sql`insert into public.agent_approvals (workspace_id, action, title) values (${t.ws.id}, 'other', 'Raise the <b>budget</b>')`;
    await sql`select private.enqueue_approval_digests()`;
    await sql`select private.enqueue_due_emails()`;
    await sendAll();

    const review = resend.to(buyer);
    expect(review).toHaveLength(1);
    expect(review[0].html).toMatch(/\/review\?token=[0-9a-f]{64}/);
    expect(review[0].headers?.["List-Unsubscribe"]).toBeDefined();
    const { data: rrow } = await t.viewer.from("review_requests").select("status, email_status, provider_message_id").eq("id", rr.id).single();
    expect(rrow).toEqual({ status: "sent", email_status: "sent", provider_message_id: review[0].id });

    expect(resend.to(gifted)).toHaveLength(1);
    expect(resend.to(gifted)[0].html).toContain("25.00 EUR");
    expect(resend.to(gifted)[0].from).toBe('"Brand" <hello@brand.test>');
    expect(resend.to(gifted)[0].reply_to).toBe("care@brand.test");
    await postEvent("email.delivered", { email_id: resend.to(gifted)[0].id });
    const { data: grow } = await t.viewer.from("gift_card_emails").select("status").eq("id", ge.id).single();
    expect(grow!.status).toBe("delivered");

    expect(resend.to(newcomer).map((e) => [e.subject, e.text])).toEqual([["Welcome Nia", "Use NIA10"]]);
    expect(resend.to(invitee)[0].html).toContain(`/invitations/accept?token=${inv.data![0].token}`);
    expect(resend.to(t.ws.people.viewer.email).map((e) => e.subject)).toEqual(["Your data export is ready"]);
    const digests = [...resend.to(t.ws.people.admin.email), ...resend.to(t.ws.people.owner.email)];
    expect(digests.map((e) => e.subject)).toEqual(["1 approval waiting", "1 approval waiting"]);
    expect(digests[0].html).toContain("Raise the &lt;b&gt;budget&lt;/b&gt;");
    expect(resend.to(t.ws.people.member.email)).toHaveLength(0);
    await sql`delete from public.privacy_requests where id = ${pr.id}`;
  });
});
