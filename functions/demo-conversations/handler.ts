// POST /functions/v1/demo-conversations/start and /end: a visitor of a published demo (anon, the
// publishable key) talks to the demo's agent.
//
// start {demoId}: public.start_demo_conversation as anon with the visitor's address (rate limit
//   per address and demo, starts an hour per demo, the monthly minutes budget: 429; a demo that
//   is not published: 404), then Tavus creates the conversation with the demo's persona,
//   replica, greeting and context, reporting to our Tavus webhook; the conversation is recorded
//   (private.link_started_conversation). Answers 201 {conversationId, conversationUrl, maxMinutes}.
//   Tavus refusing gives the reserved minutes back and answers 502.
// end {conversationId}: public.end_demo_conversation as anon (rate limited; 404 unknown), then
//   Tavus ends it and the record says so. Answers 200 {status: "ended"}.
import { z } from "zod";
import { asAnon, asService, type Sql } from "../_shared/db.ts";
import type { Settings } from "../_shared/env.ts";
import { HttpError, readJson, type Reply } from "../_shared/http.ts";
import { ProviderError, type ProviderHttp } from "../_shared/providers/http.ts";
import { createConversation, endConversation, tavusClient } from "../_shared/providers/tavus.ts";

export interface Deps extends ProviderHttp {
  sql: Sql;
  settings: Settings;
  /** Where Tavus reaches our webhooks (the project's URL). */
  supabaseUrl: string;
}

const Start = z.object({ demoId: z.string().uuid() });
const End = z.object({ conversationId: z.string().min(1).max(255) });

/** The visitor's address headers, as PostgREST hands them to SQL (the rate limiter reads them). */
function visitor(req: Request): Record<string, string> {
  const h: Record<string, string> = {};
  for (const k of ["cf-connecting-ip", "x-forwarded-for"]) {
    const v = req.headers.get(k);
    if (v) h[k] = v;
  }
  return h;
}

interface Reservation {
  start_id: string;
  workspace_id: string;
  demo_id: string;
  name: string;
  persona_id: string | null;
  replica_id: string | null;
  greeting: string;
  context: string | null;
  max_minutes: number;
}

async function start(req: Request, d: Deps): Promise<Reply> {
  const b = Start.parse(await readJson(req, 2_000));
  const [{ r }] = await asAnon(
    d.sql,
    visitor(req),
    (tx) => tx`select public.start_demo_conversation(${b.demoId}) as r`,
  );
  const s = r as Reservation;
  const callback = new URL(`${d.supabaseUrl.replace(/\/$/, "")}/functions/v1/webhooks/tavus`);
  callback.searchParams.set("token", d.settings.TAVUS_WEBHOOK_TOKEN);
  callback.searchParams.set("workspace", s.workspace_id);
  let conv;
  try {
    conv = await createConversation(tavusClient(d.settings, d), {
      persona_id: s.persona_id,
      replica_id: s.replica_id,
      conversation_name: s.name.slice(0, 100),
      conversational_context: s.context,
      custom_greeting: s.greeting,
      callback_url: callback.toString(),
      properties: { max_call_duration: s.max_minutes * 60, participant_left_timeout: 30 },
    });
  } catch (e) {
    await asService(d.sql, (tx) => tx`select private.release_conversation_start(${s.start_id})`);
    const why = e instanceof ProviderError ? e.message : String(e);
    throw new HttpError(502, "provider_unavailable", `Tavus did not start the conversation: ${why}`);
  }
  await asService(
    d.sql,
    (tx) =>
      tx`select private.link_started_conversation(${s.start_id}, ${conv.conversation_id}, ${conv.conversation_url})`,
  );
  return {
    status: 201,
    body: { conversationId: conv.conversation_id, conversationUrl: conv.conversation_url, maxMinutes: s.max_minutes },
  };
}

async function end(req: Request, d: Deps): Promise<Reply> {
  const b = End.parse(await readJson(req, 2_000));
  const [{ status }] = await asAnon(
    d.sql,
    visitor(req),
    (tx) => tx`select public.end_demo_conversation(${b.conversationId}) as status`,
  );
  if (status !== "ended") {
    try {
      await endConversation(tavusClient(d.settings, d), b.conversationId);
    } catch (e) {
      const why = e instanceof ProviderError ? e.message : String(e);
      throw new HttpError(502, "provider_unavailable", `Tavus did not end the conversation: ${why}`);
    }
    await asService(
      d.sql,
      (tx) => tx`select private.mark_demo_conversation_ended(${b.conversationId}, 'ended by the visitor')`,
    );
  }
  return { status: 200, body: { status: "ended" } };
}

export function demoConversations(req: Request, d: Deps): Promise<Reply> {
  if (req.method !== "POST") throw new HttpError(405, "method_not_allowed", "use POST");
  const route = new URL(req.url).pathname.replace(/^.*\/demo-conversations\/?/, "");
  if (route === "start") return start(req, d);
  if (route === "end") return end(req, d);
  throw new HttpError(404, "not_found", "POST /demo-conversations/start or /demo-conversations/end");
}
