// Slack posts (email campaigns and Chatwoot replies go through h/messaging's queues: database.ts).
//   Slack: the key rides in the message's metadata; reconciling looks for it in the channel.
import { type Payload, Payloads } from "../../_shared/actions/payloads.ts";
import { authorizedClient } from "../../_shared/providers/credentials.ts";
import { bearer, slackClient, slackFindPosted, slackPost } from "../../_shared/providers/messaging_actions.ts";
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
