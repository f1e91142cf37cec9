// Email campaigns (Resend's batch endpoint), Slack posts and Chatwoot replies.
//   Email: the campaign goes to sending, then batch after batch of up to 100 rendered messages
//     (private.email_campaign_batch), each sent with the Idempotency-Key <key>:batch:<n> and
//     counted on the job as it goes; after a crash the next attempt resumes at the batch it was
//     sending, and Resend answers a repeated key from its record instead of sending again.
//   Slack: the key rides in the message's metadata; reconciling looks for it in the channel.
//   Chatwoot: the key rides in content_attributes; reconciling lists the conversation.
import { type ActionKind, type Payload, Payloads } from "../../_shared/actions/payloads.ts";
import { asService } from "../../_shared/db.ts";
import { authorizedClient } from "../../_shared/providers/credentials.ts";
import { ProviderError } from "../../_shared/providers/http.ts";
import {
  bearer,
  chatwootAuth,
  chatwootClient,
  chatwootFindReply,
  chatwootReply,
  type EmailMessage,
  resendClient,
  sendBatch,
  slackClient,
  slackFindPosted,
  slackPost,
} from "../../_shared/providers/messaging_actions.ts";
import type { ActionHandler, Execution, HandlerDeps, Result } from "./types.ts";

const BATCH = 100;

async function sendCampaign(e: Execution, d: HandlerDeps): Promise<Result> {
  if (!d.settings.RESEND_API_KEY) throw new ProviderError("bad_request", "RESEND_API_KEY is not configured");
  const client = resendClient(d.settings, d.http);
  await asService(d.sql, (tx) => tx`select private.start_email_campaign_send(${e.approvalId})`);
  let batch = Number(e.progress.batches_sent ?? 0);
  let sent = Number(e.progress.sent ?? 0);
  let ids = Number(e.progress.provider_ids ?? 0);
  for (;;) {
    const [row] = await asService(
      d.sql,
      (tx) => tx`select private.email_campaign_batch(${e.approvalId}, ${batch}, ${BATCH}) as messages`,
    );
    const messages = row.messages as EmailMessage[];
    if (!messages.length) break;
    const got = await sendBatch(client, messages, `${e.key}:batch:${batch}`);
    batch++;
    sent += messages.length;
    ids += got.length;
    await d.saveProgress({ ...e.progress, batches_sent: batch, sent, provider_ids: ids });
    if (messages.length < BATCH) break;
  }
  return { provider: "resend", batches: batch, recipients: sent, accepted: ids };
}

export const emailHandler: ActionHandler = {
  kinds: ["send_email_campaign"],
  provider: "resend",
  schema: (k) => Payloads[k as "send_email_campaign"],
  call: sendCampaign,
};

function slack(e: Execution, d: HandlerDeps) {
  return authorizedClient(slackClient(d.settings, d.http), d.creds, e.prepared.connection_id, bearer);
}

export const slackHandler: ActionHandler = {
  kinds: ["post_slack_message"],
  provider: "slack",
  schema: (k) => Payloads[k as "post_slack_message"],
  async reconcile(e, d) {
    const p = e.payload as Payload<"post_slack_message">;
    const found = await slackFindPosted(slack(e, d), p.channel, e.key, e.beganAt);
    return found ? { provider: "slack", ...found, reconciled: true } : null;
  },
  async call(e, d) {
    const p = e.payload as Payload<"post_slack_message">;
    return { provider: "slack", ...(await slackPost(slack(e, d), p.channel, p.text, e.key)) };
  },
};

function chatwoot(e: Execution, d: HandlerDeps) {
  const base = chatwootClient(
    d.settings,
    { ...d.http, fetch: e.prepared.base_url ? d.guardedFetch : d.http.fetch },
    e.prepared.base_url ?? null,
  );
  return authorizedClient(base, d.creds, e.prepared.connection_id, chatwootAuth);
}

export const chatwootHandler: ActionHandler = {
  kinds: ["send_customer_reply"] as ActionKind[],
  provider: "chatwoot",
  schema: (k) => Payloads[k as "send_customer_reply"],
  async reconcile(e, d) {
    const found = await chatwootFindReply(chatwoot(e, d), e.prepared.account, e.prepared.conversation_id, e.key);
    return found ? { provider: "chatwoot", ...found, reconciled: true } : null;
  },
  async call(e, d) {
    const p = e.payload as Payload<"send_customer_reply">;
    return {
      provider: "chatwoot",
      ...(await chatwootReply(chatwoot(e, d), e.prepared.account, e.prepared.conversation_id, p.body, e.key)),
    };
  },
};
