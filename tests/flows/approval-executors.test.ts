// Every approval action kind has an executor: budgets on Google Ads and TikTok, Shopify
// discounts, gift cards and products, email campaigns through the email sender, Slack posts, Chatwoot
// replies, and the actions on our own tables (marketing campaigns, automations, the content
// calendar, review replies, purchase orders, workflows, webhooks). Each ends executed with the
// provider's ids or failed with the error, once, however often the worker is called or a
// provider's answer is lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userClient } from "../helpers/api.ts";
import { adCampaign, callWorker, connection, settleApproval, waitFor } from "../helpers/agents.ts";
import { FakeProviders } from "../helpers/fake-providers.ts";
import { GoogleAdsCampaignWrites, TikTokCampaignWrites } from "../helpers/fakes/ad_campaign_writes.ts";
import { loadKeyRing } from "../../functions/_shared/crypto.ts";
import { runChatwootSync } from "../../functions/chatwoot-sync/round.ts";
import { localIntegrationEnv } from "../../scripts/lib/gateway.ts";
import { ShopifyAdminFake, SlackFake } from "../helpers/fakes/action_providers.ts";
import { ChatwootFake } from "../helpers/fakes/chatwoot.ts";
import { ResendFake } from "../helpers/fakes/resend.ts";
import { config, dropWorkspace, superuser, workspaceWithRoles } from "../helpers/stack.ts";

const sql = superuser();
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
const providers = new FakeProviders();
const google = providers.mount(new GoogleAdsCampaignWrites());
const tiktok = providers.mount(new TikTokCampaignWrites());
const shopify = providers.mount(new ShopifyAdminFake());
providers.mount(new ResendFake()); // where email-send delivers what an approval handed it
const slack = providers.mount(new SlackFake());
const chatwoot = providers.mount(new ChatwootFake());
const shop = `exec-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;

beforeAll(async () => {
  await providers.start();
  ws = await workspaceWithRoles(sql);
  await connection(sql, ws.id, "shopify", shop);
});

afterAll(async () => {
  await dropWorkspace(sql, ws.tag);
  await providers.stop();
  await sql.end();
});

/** Proposes (as the service) and approves (as the admin) one action; returns the settled approval. */
async function approveAndRun(action: string, payload: Record<string, unknown>, before?: () => void) {
  const [a] = await sql`insert into public.agent_approvals (workspace_id, action, title, payload)
    values (${ws.id}, ${action}, ${`Do ${action}`}, ${sql.json(payload as never)}) returning id`;
  before?.();
  const admin = await userClient(ws.people.admin.jwt);
  const r = await admin.rpc("decide_approval", { p_approval_id: a.id, p_decision: "approved" });
  expect(r.error).toBeNull();
  return await settleApproval(sql, a.id);
}

describe("ad platforms", () => {
  it("Google Ads: the campaign budget's amount_micros, once", async () => {
    const { campaignId } = await adCampaign(sql, ws.id, "google", { account: "123-456-7890", externalId: "555", dailyBudgetCents: 20_000 });
    google.campaigns.set("555", { dailyBudgetCents: 20_000, status: "active" });
    const done = await approveAndRun("change_ad_budget", { ad_campaign_id: campaignId, daily_budget_cents: 25_000 });
    expect([done.status, done.execution_error]).toEqual(["executed", null]);
    expect(google.writes().map((w) => w.json)).toEqual([{
      operations: [{ updateMask: "amount_micros", update: { resourceName: "customers/1234567890/campaignBudgets/b555", amountMicros: "250000000" } }],
    }]);
    expect(google.writes()[0].headers["developer-token"]).toBe("local-developer-token");
    expect(done.replaced).toEqual({ daily_budget_cents: 20_000 });
  });

  it("TikTok: pause, then the undo resumes it", async () => {
    const { campaignId } = await adCampaign(sql, ws.id, "tiktok", { account: "7001", externalId: "1800", dailyBudgetCents: 5_000 });
    tiktok.campaigns.set("1800", { dailyBudgetCents: 5_000, status: "active" });
    const done = await approveAndRun("pause_ad_campaign", { ad_campaign_id: campaignId });
    expect(done.status).toBe("executed");
    expect(tiktok.campaigns.get("1800")!.status).toBe("paused");
    const member = await userClient(ws.people.member.jwt);
    const undo = await member.rpc("propose_undo", { p_approval_id: done.id });
    expect(undo.data).toMatchObject({ action: "resume_ad_campaign", payload: { ad_campaign_id: campaignId } });
    const admin = await userClient(ws.people.admin.jwt);
    await admin.rpc("decide_approval", { p_approval_id: undo.data!.id, p_decision: "approved" });
    expect((await settleApproval(sql, undo.data!.id)).status).toBe("executed");
    expect(tiktok.campaigns.get("1800")!.status).toBe("active");
    expect(tiktok.writes().map((w) => (w.json as { operation_status: string }).operation_status)).toEqual(["DISABLE", "ENABLE"]);
  });

  it("a shift moves budget between two campaigns on different platforms", async () => {
    const { campaignId: from } = await adCampaign(sql, ws.id, "google", { account: "123-456-7890", externalId: "556", dailyBudgetCents: 30_000 });
    const { campaignId: to } = await adCampaign(sql, ws.id, "tiktok", { account: "7001", externalId: "1801", dailyBudgetCents: 20_000 });
    google.campaigns.set("556", { dailyBudgetCents: 30_000, status: "active" });
    tiktok.campaigns.set("1801", { dailyBudgetCents: 20_000, status: "active" });
    const done = await approveAndRun("shift_ad_budget", { from: { ad_campaign_id: from }, to: { ad_campaign_id: to }, daily_cents: 5_000 });
    expect([done.status, done.execution_error]).toEqual(["executed", null]);
    expect([google.campaigns.get("556")!.dailyBudgetCents, tiktok.campaigns.get("1801")!.dailyBudgetCents]).toEqual([25_000, 25_000]);
    const rows = await sql`select id, daily_budget_cents from public.ad_campaigns where id in (${from}, ${to})`;
    expect(Object.fromEntries(rows.map((r) => [r.id, Number(r.daily_budget_cents)]))).toEqual({ [from]: 25_000, [to]: 25_000 });
  });
});

describe("Shopify", () => {
  it("a discount code, created once; the same code again is refused", async () => {
    const done = await approveAndRun("apply_discount", { code: `COMEBACK${ws.tag.slice(0, 4).toUpperCase()}`, percent: 15 });
    expect([done.status, done.execution_error]).toEqual(["executed", null]);
    expect(done.execution_result.discount_id).toMatch(/^gid:\/\/shopify\/DiscountCodeNode\//);
    expect([...shopify.discounts.values()].at(-1)!.percent).toBe(0.15);
    const twice = await approveAndRun("apply_discount", { code: `COMEBACK${ws.tag.slice(0, 4).toUpperCase()}`, percent: 10 });
    expect(twice.status).toBe("failed");
    expect(twice.execution_error).toContain("already has a discount");
    const big = await approveAndRun("apply_discount", { code: "HALFOFF", percent: 50 });
    expect([big.status, big.execution_error]).toEqual(["failed", expect.stringContaining("guardrail of 30.00%")]);
  });

  it("a gift card whose answer was lost is found by its last characters and note, not issued twice", async () => {
    const before = shopify.giftCards.size;
    const done = await approveAndRun("issue_gift_card", { amount_cents: 2_500, note: "sorry for the delay" }, () => shopify.loseAnswers = 1);
    expect([done.status, done.execution_error]).toEqual(["executed", null]);
    expect(shopify.giftCards.size).toBe(before + 1);
    expect(shopify.mutations("giftCardCreate")).toHaveLength(1);
    expect(done.execution_result).toMatchObject({
      reconciled: true, gift_card_id: expect.stringMatching(/^\d+$/), gift_card_gid: expect.stringMatching(/^gid:\/\/shopify\/GiftCard\/\d+$/),
      customer_notified: false, // no customer: nobody to send it to
    });
    expect(JSON.stringify(done.execution_result)).not.toContain([...shopify.giftCards.keys()].at(-1)); // the code is never stored
    const [t] = await sql`select amount_cents, status::text, source::text, shopify_gift_card_id, code_last_characters
      from public.gift_card_transactions where workspace_id = ${ws.id}`;
    expect(t).toEqual({
      amount_cents: "2500", status: "issued", source: "manual", shopify_gift_card_id: done.execution_result.gift_card_id,
      code_last_characters: [...shopify.giftCards.keys()].at(-1)!.slice(-4),
    });
  });

  it("a customer's gift card is theirs in Shopify, and Shopify emails it to them once", async () => {
    const [c] = await sql`insert into public.customers (workspace_id, shopify_customer_id) values (${ws.id}, '4401') returning id`;
    const before = shopify.notified.length;
    const done = await approveAndRun("issue_gift_card", { amount_cents: 1_000, customer_id: c.id });
    expect([done.status, done.execution_error]).toEqual(["executed", null]);
    expect(done.execution_result).toMatchObject({ customer_notified: true, reconciled: false });
    const card = [...shopify.giftCards.values()].find((g) => g.id === done.execution_result.gift_card_gid)!;
    expect(card.customerId).toBe("gid://shopify/Customer/4401");
    expect(shopify.notified.slice(before)).toEqual([card.id]);
  });

  it("a price change reads the live product first and records what it replaced", async () => {
    const [p] = await sql`insert into public.products (workspace_id, shopify_product_id, shopify_variant_id, title, price_cents)
      values (${ws.id}, '9001', '9101', 'Balm', 2000) returning id`;
    shopify.products.set("gid://shopify/Product/9001", { title: "Balm", status: "ACTIVE" });
    shopify.variants.set("gid://shopify/ProductVariant/9101", "20.00");
    const done = await approveAndRun("update_product", { product_id: p.id, price_cents: 2_200 });
    expect([done.status, done.execution_error]).toEqual(["executed", null]);
    expect(shopify.variants.get("gid://shopify/ProductVariant/9101")).toBe("22.00");
    expect(done.replaced).toEqual({ price_cents: 2000 });
    const [row] = await sql`select price_cents from public.products where id = ${p.id}`;
    expect(Number(row.price_cents)).toBe(2200);
  });
});

describe("messages", () => {
  it("an email campaign is handed to the email sender: one message per subscribed contact, escaped, with its unsubscribe link", async () => {
    const [list] = await sql`insert into public.email_lists (workspace_id, name) values (${ws.id}, 'Buyers') returning id`;
    const [t] = await sql`insert into public.email_templates (workspace_id, name, subject, body_html, body_text)
      values (${ws.id}, 'Launch', 'Hi {{ first_name }}', '<p>Hello {{ first_name }}</p>', 'Hello {{ first_name }}') returning id`;
    await sql`with c as (
        insert into public.email_contacts (workspace_id, email, first_name)
        select ${ws.id}, 'buyer' || n || '@example.com', case when n = 1 then '<b>Ann</b>' else 'Buyer ' || n end from generate_series(1, 150) n
        returning id)
      insert into public.email_list_members (workspace_id, list_id, contact_id) select ${ws.id}, ${list.id}, id from c`;
    const [e] = await sql`insert into public.email_campaigns (workspace_id, name, list_id, template_id, subject, from_name, from_email)
      values (${ws.id}, 'Launch', ${list.id}, ${t.id}, 'Hi {{ first_name }}', 'Demo', 'hello@demo.test') returning id`;
    const done = await approveAndRun("send_email_campaign", { email_campaign_id: e.id });
    expect([done.status, done.execution_error]).toEqual(["executed", null]);
    expect(done.execution_result).toMatchObject({ email_campaign_id: e.id, handed_to: "email-send", messages_queued: 150 });
    const msgs = await sql`select to_email, html, headers, idempotency_key from private.email_messages where email_campaign_id = ${e.id}`;
    expect(msgs).toHaveLength(150);
    expect(new Set(msgs.map((m) => m.idempotency_key)).size).toBe(150);
    expect(msgs.find((m) => m.to_email === "buyer1@example.com")!.html).toBe("<p>Hello &lt;b&gt;Ann&lt;/b&gt;</p>");
    expect(msgs[0].headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    const [c] = await sql`select status::text from public.email_campaigns where id = ${e.id}`;
    expect(["sending", "sent"]).toContain(c.status);
    // approved again, it is no longer a draft or scheduled: nothing is queued twice
    const again = await approveAndRun("send_email_campaign", { email_campaign_id: e.id });
    expect([again.status, again.execution_error]).toEqual(["failed", expect.stringContaining("only a draft or scheduled one is sent")]);
    expect((await sql`select count(*)::int as n from private.email_messages where email_campaign_id = ${e.id}`)[0].n).toBe(150);
  });

  it("a Slack post, and a second worker call finds it by its key instead of posting again", async () => {
    await connection(sql, ws.id, "slack", "T0001", "xoxb-local-token");
    const done = await approveAndRun("post_slack_message", { channel: "C0GROWTH", text: "Budget raised on Retargeting." }, () => slack.loseAnswers = 1);
    expect([done.status, done.execution_error]).toEqual(["executed", null]);
    expect(slack.posts.filter((p) => p.channel === "C0GROWTH")).toHaveLength(1);
    expect(done.execution_result).toMatchObject({ channel: "C0GROWTH", reconciled: true });
    const bad = await approveAndRun("post_slack_message", { channel: "G0SECRET", text: "x" });
    expect([bad.status, bad.execution_error]).toEqual(["failed", "Slack: channel_not_found"]);
  });

  it("a reply to a Chatwoot conversation goes through the chatwoot queue, once per approval", async () => {
    await connection(sql, ws.id, "chatwoot", "42", chatwoot.token, { base_url: `${providers.url}/chatwoot` });
    const [ticket] = await sql`insert into public.support_tickets (workspace_id, requester_email, subject, body, chatwoot_conversation_id)
      values (${ws.id}, 'priya@example.com', 'Late parcel', 'Where is it?', '4411') returning id`;
    const done = await approveAndRun("send_customer_reply", { support_ticket_id: ticket.id, body: "It arrives Friday." });
    expect([done.status, done.execution_error]).toEqual(["executed", null]);
    expect(done.execution_result).toMatchObject({ handed_to: "chatwoot-sync", chatwoot_job_id: expect.any(Number) });
    const [job] = await sql`select idempotency_key from private.connector_jobs where id = ${done.execution_result.chatwoot_job_id}`;
    expect(job.idempotency_key).toBe(`reply:${ticket.id}:approval:${done.id}`);
    // the chatwoot-sync worker (woken by the queue, or run here) posts it
    const local = localIntegrationEnv(config);
    const ring = await loadKeyRing(local.GROWTHBASE_TOKEN_KEYS, local.GROWTHBASE_TOKEN_KEY_ID);
    const mine = () => chatwoot.replies.filter((r) => r.conversation === "4411");
    await waitFor("the reply in Chatwoot", async () => {
      await runChatwootSync({ sql, ring, http: { fetch, now: () => Date.now() } });
      return mine().length;
    }, (n) => n > 0);
    expect(mine()).toEqual([{ account: "42", conversation: "4411", content: "It arrives Friday." }]);
  });
});

describe("actions on our own tables", () => {
  it("a marketing campaign paused and re-budgeted, and the pause undone", async () => {
    const [c] = await sql`insert into public.campaigns (workspace_id, name, status, budget_cents) values (${ws.id}, 'Autumn', 'active', 100000) returning id`;
    const paused = await approveAndRun("pause_campaign", { campaign_id: c.id });
    expect([paused.status, paused.replaced]).toEqual(["executed", { status: "active" }]);
    const budget = await approveAndRun("change_campaign_budget", { campaign_id: c.id, budget_cents: 120000 });
    expect([budget.status, budget.replaced]).toEqual(["executed", { budget_cents: 100000 }]);
    const member = await userClient(ws.people.member.jwt);
    const undo = await member.rpc("propose_undo", { p_approval_id: paused.id });
    expect(undo.data).toMatchObject({ action: "resume_campaign" });
    const admin = await userClient(ws.people.admin.jwt);
    await admin.rpc("decide_approval", { p_approval_id: undo.data!.id, p_decision: "approved" });
    expect((await settleApproval(sql, undo.data!.id)).status).toBe("executed");
    const [row] = await sql`select status::text, budget_cents from public.campaigns where id = ${c.id}`;
    expect(row).toEqual({ status: "active", budget_cents: "120000" });
  });

  it("an automation switched on, a calendar entry moved and published, a review answered, stock ordered", async () => {
    const [rule] = await sql`insert into public.email_automation_rules (workspace_id, name, trigger_event, active)
      values (${ws.id}, 'Welcome', 'contact_subscribed', false) returning id`;
    const untemplated = await approveAndRun("enable_email_automation", { automation_rule_id: rule.id });
    expect([untemplated.status, untemplated.execution_error]).toEqual(["failed", "refused at execution: the automation has no template to send; give it one first"]);
    const [t] = await sql`insert into public.email_templates (workspace_id, name, subject, body_text) values (${ws.id}, 'Welcome', 'Hi', 'Hello') returning id`;
    await sql`update public.email_automation_rules set template_id = ${t.id} where id = ${rule.id}`;
    expect((await approveAndRun("enable_email_automation", { automation_rule_id: rule.id })).status).toBe("executed");
    expect((await sql`select active from public.email_automation_rules where id = ${rule.id}`)[0].active).toBe(true);

    const [entry] = await sql`insert into public.content_calendar (workspace_id, title, content_type, status)
      values (${ws.id}, 'Myths', 'blog_post', 'planned') returning id`;
    const moved = await approveAndRun("update_content_calendar", { content_calendar_id: entry.id, scheduled_for: "2027-01-05T09:00:00Z", status: "scheduled" });
    expect([moved.status, moved.replaced]).toEqual(["executed", { scheduled_for: null, status: "planned" }]);
    expect((await approveAndRun("publish_content", { content_calendar_id: entry.id })).status).toBe("executed");
    expect((await sql`select status::text, published_at is not null as p from public.content_calendar where id = ${entry.id}`)[0]).toEqual({ status: "published", p: true });

    const [review] = await sql`insert into public.reviews (workspace_id, shopify_product_id, author_name, rating, body, status)
      values (${ws.id}, 'p-1', 'Sam', 2, 'Arrived late', 'published') returning id`;
    const reply = await approveAndRun("publish_review_reply", { review_id: review.id, body: "Sorry, Sam: a new one is on its way." });
    expect(reply.status).toBe("executed");
    const anon = await sql`select author_name, body from public.review_responses where review_id = ${review.id}`;
    expect(anon).toEqual([{ author_name: `ws ${ws.tag}`, body: "Sorry, Sam: a new one is on its way." }]);

    const [p] = await sql`insert into public.products (workspace_id, shopify_product_id, shopify_variant_id, title) values (${ws.id}, '77', '78', 'Soap') returning id`;
    await sql`insert into public.supplier_lead_times (workspace_id, product_id, supplier_name, lead_time_days, is_primary) values (${ws.id}, ${p.id}, 'Alpine Tallow Co', 35, true)`;
    const order = await approveAndRun("reorder_inventory", { product_id: p.id, quantity: 600 });
    expect(order.status).toBe("executed");
    const viewer = await userClient(ws.people.viewer.jwt);
    const po = await viewer.from("purchase_orders").select("supplier_name, quantity, status, expected_at, approval_id").eq("product_id", p.id).single();
    expect(po.data).toMatchObject({ supplier_name: "Alpine Tallow Co", quantity: 600, status: "ordered", approval_id: order.id });
  });

  it("a webhook event to one endpoint and a manual workflow, whose outbound webhook action delivers too", async () => {
    const admin = await userClient(ws.people.admin.jwt);
    const ep = await admin.rpc("create_webhook_endpoint", { p_workspace_id: ws.id, p_url: `${providers.url}/sink/approvals`, p_events: ["approval.executed"] });
    expect(ep.error).toBeNull();
    const endpointId = (ep.data as unknown as { endpoint_id: string }[])[0].endpoint_id;
    const sent = await approveAndRun("send_webhook", { endpoint_id: endpointId, event_type: "growth.alert", data: { note: "hello" } });
    expect(sent.status).toBe("executed");
    const [d] = await sql`select event_type, payload -> 'data' as data from public.webhook_deliveries where id = ${sent.execution_result.webhook_delivery_id}`;
    expect(d).toEqual({ event_type: "growth.alert", data: { note: "hello" } });

    const [c] = await sql`insert into public.campaigns (workspace_id, name, status) values (${ws.id}, 'Flow', 'draft') returning id`;
    const [rule] = await sql`insert into public.workflow_rules (workspace_id, name, trigger_type, actions)
      values (${ws.id}, 'Notify', 'manual', ${sql.json([{ type: "send_webhook", params: { endpoint_id: endpointId, event_type: "workflow.notify" } },
                                                      { type: "create_task", params: { title: "Follow up", campaign_id: c.id } }])}) returning id`;
    const ran = await approveAndRun("run_workflow", { workflow_rule_id: rule.id, subject: { note: "from an approval" } });
    expect(ran.status).toBe("executed");
    await sql`select private.process_scheduled_actions()`;
    const execution = await waitFor("the workflow's actions", async () =>
      (await sql`select status::text, results from public.workflow_executions where id = ${ran.execution_result.workflow_execution_id}`)[0],
      (e) => e.status !== "running");
    expect(execution.status).toBe("succeeded");
    const [w] = await sql`select event_type, payload #> '{data,subject,row,note}' as note from public.webhook_deliveries
      where endpoint_id = ${endpointId} and event_type = 'workflow.notify'`;
    expect(w).toEqual({ event_type: "workflow.notify", note: "from an approval" });
  });

  it("kind other is left to a person; a payload that names nothing of the workspace fails with the reason", async () => {
    const [o] = await sql`insert into public.agent_approvals (workspace_id, action, title) values (${ws.id}, 'other', 'Call the supplier') returning id`;
    const admin = await userClient(ws.people.admin.jwt);
    await admin.rpc("decide_approval", { p_approval_id: o.id, p_decision: "approved" });
    await callWorker("approval-executor", { once: true });
    expect((await sql`select status::text from public.agent_approvals where id = ${o.id}`)[0].status).toBe("approved");
    const bad = await approveAndRun("pause_campaign", { campaign_id: crypto.randomUUID() });
    expect([bad.status, bad.execution_error]).toEqual(["failed", "refused at execution: payload.campaign_id names no campaigns row of this workspace"]);
  });
});
