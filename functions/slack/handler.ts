// Slack calls us at two URLs, each request signed (verify.ts):
//   /slack/events         the Events API: url_verification answers the challenge; event
//                         callbacks are stored once by event_id in the webhook pipeline, whose
//                         trigger puts messages into the 30-day cache
//   /slack/interactivity  Block Kit buttons (form body payload=<json>): Approve and Reject decide
//                         the approval as the workspace member the Slack user is, through
//                         public.decide_approval (the app's roles and errors); a poll button
//                         records the answer (public.record_slack_poll_response)
// Slack wants an answer within 3 seconds: each request is one SQL call, and the message that
// shows who decided is edited by the slack-post worker, which the decision queues. A refusal
// (not a member, a viewer, already decided) is told to the person who clicked through the
// payload's response_url, as an ephemeral message.
import type { UserClaims } from "../_shared/auth.ts";
import { asService, asUser, type Sql } from "../_shared/db.ts";
import type { Settings } from "../_shared/env.ts";
import { HttpError, parseJson, readBytes, type Reply } from "../_shared/http.ts";
import { store } from "../webhooks/receive.ts";
import { verifySlack } from "./verify.ts";

export interface Deps {
  env: Settings;
  sql: Sql;
  now: () => number;
  fetch: typeof fetch;
}

const decoder = new TextDecoder();

export async function handleSlack(req: Request, route: string, d: Deps): Promise<Reply> {
  if (req.method !== "POST") throw new HttpError(405, "method_not_allowed", "use POST");
  const raw = await readBytes(req, 1_000_000);
  await verifySlack(req.headers, raw, d.env.SLACK_SIGNING_SECRET, d.now());
  if (route === "events") return await events(raw, d);
  if (route === "interactivity") return await interactivity(raw, d);
  throw new HttpError(404, "not_found", "no such Slack route");
}

async function events(raw: Uint8Array<ArrayBuffer>, d: Deps): Promise<Reply> {
  const body = parseJson(decoder.decode(raw)) as {
    type?: string;
    challenge?: string;
    event_id?: string;
    event?: { type?: string };
  };
  if (body.type === "url_verification") return { status: 200, body: { challenge: String(body.challenge ?? "") } };
  if (body.type !== "event_callback" || typeof body.event_id !== "string") {
    return { status: 200, body: { status: "ignored" } };
  }
  await store(d as never, "slack", String(body.event?.type ?? "event"), body.event_id, raw, body);
  return { status: 200, body: { status: "accepted" } };
}

interface Action {
  action_id: string;
  value?: string;
}

interface Payload {
  type: string;
  team?: { id: string };
  user?: { id: string };
  actions?: Action[];
  response_url?: string;
}

/** An ephemeral answer to the person who clicked (best effort within Slack's 3 seconds). */
async function tell(d: Deps, p: Payload, text: string): Promise<void> {
  if (!p.response_url) return;
  const url = new URL(p.response_url);
  // only Slack's own hooks (or, locally, the configured API's origin) are ever called
  if (url.hostname !== "hooks.slack.com" && url.origin !== new URL(d.env.SLACK_API_URL).origin) return;
  try {
    const res = await d.fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ response_type: "ephemeral", replace_original: false, text }),
      signal: AbortSignal.timeout(1500),
    });
    await res.body?.cancel();
  } catch { /* Slack's answer is not worth missing the 3 seconds */ }
}

const REFUSALS: Record<string, string> = {
  "42501": "You cannot decide approvals in this workspace: it takes the member role.",
  PT404: "This approval no longer exists or is not in your workspace.",
  PT409: "This approval was already decided.",
  PT410: "This approval has expired.",
};

async function interactivity(raw: Uint8Array<ArrayBuffer>, d: Deps): Promise<Reply> {
  const form = new URLSearchParams(decoder.decode(raw));
  const p = parseJson(form.get("payload") ?? "") as Payload;
  const action = p.actions?.[0];
  if (p.type !== "block_actions" || !action || !p.team?.id || !p.user?.id) return { status: 200, body: {} };
  const [who] = await asService(
    d.sql,
    (tx) =>
      tx`select w.ws as workspace_id, private.slack_member(w.ws, ${p.user!.id}) as user_id
         from (select private.slack_workspace(${p.team!.id}) as ws) w`,
  );
  if (!who?.workspace_id) {
    await tell(d, p, "This Slack team is not connected to a workspace.");
    return { status: 200, body: { status: "unknown_team" } };
  }
  if (action.action_id === "poll_vote") {
    const [poll, option] = (action.value ?? "").split("|");
    try {
      await asService(
        d.sql,
        (tx) =>
          tx`select public.record_slack_poll_response(${who.workspace_id}, ${poll}, ${p.user!.id}, ${Number(option)})`,
      );
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== "PT404" && code !== "PT409" && code !== "22023") throw e;
      await tell(d, p, code === "PT409" ? "This poll is closed." : "This poll answer was not recorded.");
      return { status: 200, body: { status: "refused" } };
    }
    return { status: 200, body: { status: "recorded" } };
  }
  if (action.action_id !== "approval_approve" && action.action_id !== "approval_reject") {
    return { status: 200, body: { status: "ignored" } };
  }
  if (!who.user_id) {
    await tell(d, p, "Your Slack account is not linked to a member of this workspace (the emails differ).");
    return { status: 200, body: { status: "not_a_member" } };
  }
  const approvalId = action.value ?? "";
  if (!/^[0-9a-f-]{36}$/i.test(approvalId)) return { status: 200, body: { status: "ignored" } };
  const claims: UserClaims = { sub: who.user_id, role: "authenticated" };
  try {
    await asUser(d.sql, claims, (tx) =>
      tx`select id from public.decide_approval(${approvalId},
        ${action.action_id === "approval_approve" ? "approved" : "rejected"}, 'decided in Slack')`);
  } catch (e) {
    const code = (e as { code?: string }).code ?? "";
    if (!(code in REFUSALS)) throw e;
    await tell(d, p, REFUSALS[code]);
    return { status: 200, body: { status: "refused", code } };
  }
  return { status: 200, body: { status: "decided" } };
}
