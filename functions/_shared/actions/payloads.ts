// The payload of every approval action kind, as zod schemas: the agents' proposal tools offer
// them to the model as JSON schemas, and the executor's handlers read approved payloads with
// them. The database checks the same shapes (private.approval_payload_fields, with the rows they
// name) when an agent files a proposal and again before anything executes.
import { z } from "zod";

const id = (what: string) => z.string().uuid().describe(`the ${what}'s id`);
const cents = (what: string) => z.number().int().min(1).max(9_007_199_254_740_991).describe(`${what}, in cents`);
const text = (max: number, what: string) => z.string().trim().min(1).max(max).describe(what);

/**
 * An ad campaign, by our id (ad_campaigns.id, as list_ad_campaigns shows it). People may also name
 * one by platform and external_campaign_id; the database resolves either, and the ad handlers act
 * on what it resolved.
 */
export const AdCampaignRef = z.object({ ad_campaign_id: id("ad campaign (ad_campaigns.id)") }).strict();
export type AdCampaignRef = z.infer<typeof AdCampaignRef>;

const withRef = <T extends z.ZodRawShape>(extra: T) =>
  z.object({ ad_campaign_id: id("ad campaign (ad_campaigns.id)"), ...extra }).strict();

export const Payloads = {
  change_ad_budget: withRef({ daily_budget_cents: cents("the new daily budget") }),
  pause_ad_campaign: withRef({}),
  resume_ad_campaign: withRef({}),
  shift_ad_budget: z.object({
    from: AdCampaignRef,
    to: AdCampaignRef,
    daily_cents: cents("the daily amount to move from one campaign to the other"),
  }).strict(),
  pause_campaign: z.object({ campaign_id: id("marketing campaign") }).strict(),
  resume_campaign: z.object({ campaign_id: id("marketing campaign") }).strict(),
  change_campaign_budget: z.object({
    campaign_id: id("marketing campaign"),
    budget_cents: z.number().int().min(0).describe("the campaign's new budget, in cents"),
  }).strict(),
  send_email_campaign: z.object({ email_campaign_id: id("email campaign") }).strict(),
  enable_email_automation: z.object({ automation_rule_id: id("email automation rule") }).strict(),
  disable_email_automation: z.object({ automation_rule_id: id("email automation rule") }).strict(),
  publish_content: z.object({ content_calendar_id: id("content calendar entry") }).strict(),
  update_content_calendar: z.object({
    content_calendar_id: id("content calendar entry"),
    scheduled_for: z.string().datetime({ offset: true }).optional(),
    status: z.enum(["idea", "planned", "in_progress", "scheduled", "published", "cancelled"]).optional(),
    title: text(200, "the new title").optional(),
    channel: z.string().regex(/^[a-z_]{2,40}$/).optional().describe("a marketing channel, e.g. email, organic_social"),
  }).strict(),
  send_customer_reply: z.object({
    support_ticket_id: id("support ticket"),
    body: text(10000, "the reply the customer receives"),
  }).strict(),
  publish_review_reply: z.object({
    review_id: id("review"),
    body: text(10000, "the store's public reply, shown under the review"),
    author_name: text(200, "who signs the reply").optional(),
  }).strict(),
  post_slack_message: z.object({
    channel: z.string().regex(/^[CGD][A-Z0-9]{2,20}$/).describe("the Slack channel id (C...)"),
    text: text(10000, "the message"),
  }).strict(),
  reorder_inventory: z.object({
    product_id: id("product"),
    quantity: z.number().int().min(1).max(1_000_000),
    supplier_name: text(200, "the supplier").optional(),
  }).strict(),
  apply_discount: z.object({
    code: z.string().regex(/^[A-Za-z0-9_-]{3,40}$/).describe("the discount code customers enter"),
    percent: z.number().gt(0).max(100).describe("percentage off"),
    title: text(200, "the discount's name in the shop admin").optional(),
    starts_at: z.string().datetime({ offset: true }).optional(),
    ends_at: z.string().datetime({ offset: true }).optional(),
    usage_limit: z.number().int().min(1).max(1_000_000).optional(),
    once_per_customer: z.boolean().optional(),
  }).strict(),
  issue_gift_card: z.object({
    amount_cents: cents("the gift card's value"),
    currency: z.string().regex(/^[A-Z]{3}$/).optional(),
    customer_id: id("customer").optional(),
    note: text(200, "an internal note").optional(),
    expires_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  }).strict(),
  update_product: z.object({
    product_id: id("product"),
    price_cents: cents("the new price").optional(),
    status: z.enum(["active", "draft", "archived"]).optional(),
    title: text(200, "the new title").optional(),
  }).strict(),
  run_workflow: z.object({
    workflow_rule_id: id("manual workflow rule"),
    subject: z.record(z.string(), z.unknown()).optional().describe("the row the rule's conditions and actions read"),
  }).strict(),
  send_webhook: z.object({
    endpoint_id: id("webhook endpoint"),
    event_type: z.string().regex(/^[a-z][a-z0-9_.-]{0,99}$/),
    data: z.record(z.string(), z.unknown()),
  }).strict(),
} as const;

export type ActionKind = keyof typeof Payloads | "other";
export const ACTION_KINDS = [...Object.keys(Payloads), "other"] as ActionKind[];
export type Payload<K extends keyof typeof Payloads> = z.infer<(typeof Payloads)[K]>;

/** What each kind does, for the model (the proposal tools' descriptions) and for people. */
export const ACTION_DESCRIPTIONS: Record<keyof typeof Payloads, string> = {
  change_ad_budget: "Set an ad campaign's daily budget on its platform (Meta, Google Ads or TikTok).",
  pause_ad_campaign: "Pause an ad campaign on its platform.",
  resume_ad_campaign: "Resume a paused ad campaign on its platform.",
  shift_ad_budget: "Move part of one ad campaign's daily budget to another.",
  pause_campaign: "Pause an active marketing campaign.",
  resume_campaign: "Resume a paused marketing campaign.",
  change_campaign_budget: "Set a marketing campaign's budget.",
  send_email_campaign: "Send a drafted or scheduled email campaign to its list now.",
  enable_email_automation: "Switch an email automation on.",
  disable_email_automation: "Switch an email automation off.",
  publish_content: "Mark a content calendar entry published.",
  update_content_calendar: "Reschedule or change a content calendar entry.",
  send_customer_reply: "Reply to a support ticket's customer in Chatwoot.",
  publish_review_reply: "Publish the store's public reply under a product review.",
  post_slack_message: "Post a message to a Slack channel.",
  reorder_inventory: "Order stock of a product from its supplier (a purchase order).",
  apply_discount: "Create a percentage discount code in the Shopify store.",
  issue_gift_card: "Issue a gift card in the Shopify store.",
  update_product: "Change a product's price, status or title in the Shopify store.",
  run_workflow: "Run a manual workflow rule.",
  send_webhook: "Send an event to one of the workspace's webhook endpoints.",
};
