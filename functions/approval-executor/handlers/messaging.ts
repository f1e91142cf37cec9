// Slack posts and Chatwoot replies (email campaigns go through the email sender: database.ts).
//   Slack: the key rides in the message's metadata; reconciling looks for it in the channel.
//   Chatwoot: the key rides in content_attributes; reconciling lists the conversation.
import { type ActionKind, type Payload, Payloads } from "../../_shared/actions/payloads.ts";
import { authorizedClient } from "../../_shared/providers/credentials.ts";
import {
  bearer,
  chatwootAuth,
  chatwootClient,
  chatwootFindReply,
  chatwootReply,
  slackClient,
  slackFindPosted,
  slackPost,
} from "../../_shared/providers/messaging_actions.ts";
import type { ActionHandler, Execution, HandlerDeps } from "./types.ts";

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
