// Actions on our own tables: marketing campaigns paused, resumed or re-budgeted, an email
// campaign handed to the email sender (scheduled now and started: email-send delivers it), a reply
// to a customer handed to the chatwoot queue (chatwoot-sync posts it), email
// automations switched, the content calendar, a review's public reply, purchase orders, manual
// workflow rules and webhook events (delivered by the webhook dispatcher). They happen whole in
// private.apply_approval_action, inside the transaction that records them, so a retry can never
// do them twice.
import { type ActionKind, Payloads } from "../../_shared/actions/payloads.ts";
import type { ActionHandler } from "./types.ts";

export const DATABASE_KINDS = [
  "pause_campaign",
  "resume_campaign",
  "change_campaign_budget",
  "send_email_campaign",
  "enable_email_automation",
  "disable_email_automation",
  "publish_content",
  "update_content_calendar",
  "publish_review_reply",
  "send_customer_reply",
  "reorder_inventory",
  "run_workflow",
  "send_webhook",
] as const satisfies readonly ActionKind[];

export const databaseHandler: ActionHandler = {
  kinds: DATABASE_KINDS,
  provider: "database",
  schema: (kind) => Payloads[kind as keyof typeof Payloads],
};
