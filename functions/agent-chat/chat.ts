// POST /functions/v1/agent-chat, as a signed-in user: { sessionId, message }.
// One turn of a chat session: the user's message and a chat run start in one transaction
// (private.start_chat_turn: the session must be theirs, the agent active, the budget not spent:
// 404 / 409 / 402 as JSON before anything streams), then the answer streams back as server-sent
// events while the agent loop runs with knowledge search and the agent's other tools:
//   event: start  {"run_id", "message_id"}        the turn began
//   event: delta  {"text"}                        a piece of the answer
//   event: tool   {"name", "ok"}                  a tool the agent used
//   event: done   {"run_id", "chat_message_id", "status", "citations"}  the answer is stored
//   event: error  {"code", "message"}             the turn failed (also stored on the run)
// The stored assistant message carries the knowledge chunk ids it cited ([n] markers) and the
// model call that wrote it. Memories the agent keeps go to its own collection.
import { z } from "zod";
import { requireUser } from "../_shared/auth.ts";
import type { AuthConfig } from "../_shared/auth.ts";
import { asService } from "../_shared/db.ts";
import { corsHeaders, HttpError, readJson } from "../_shared/http.ts";
import type { Message } from "../_shared/llm.ts";
import { runLoop } from "../_shared/agent/loop.ts";
import { type AgentDeps, finishRun, loadContext, recorder, toolContext, toolsFor } from "../_shared/agent/session.ts";
import { systemPrompt } from "../_shared/agent/prompt.ts";

export interface Deps extends AgentDeps {
  auth: AuthConfig;
  modelOverride?: string;
}

const Body = z.object({
  sessionId: z.string().uuid(),
  message: z.string().trim().min(1).max(20000),
});

interface Turn {
  run_id: string;
  workspace_id: string;
  message_id: number;
  history: { role: "user" | "assistant"; content: string }[];
}

/** The chunk ids an answer cites: [n] markers naming the numbered search results. */
export function citedChunks(answer: string, sources: string[]): string[] {
  const cited = new Set<string>();
  for (const m of answer.matchAll(/\[(\d{1,3})\]/g)) {
    const id = sources[Number(m[1]) - 1];
    if (id) cited.add(id);
  }
  return [...cited];
}

const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

export async function chat(req: Request, d: Deps): Promise<Response> {
  if (req.method !== "POST") throw new HttpError(405, "method_not_allowed", "use POST");
  const claims = await requireUser(req, d.auth);
  const b = Body.parse(await readJson(req, 100_000));
  const [row] = await asService(
    d.sql,
    (tx) =>
      tx`select private.start_chat_turn(${b.sessionId}, ${claims.sub}, ${b.message}, ${d.leaseSeconds},
         ${d.modelOverride ?? null}) as turn`,
  );
  const turn = row.turn as Turn;
  const encoder = new TextEncoder();

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: string, data: unknown) => {
        try {
          controller.enqueue(encoder.encode(sse(event, data)));
        } catch { /* the browser went away; the turn still finishes and is stored */ }
      };
      send("start", { run_id: turn.run_id, message_id: turn.message_id });
      try {
        const ctx = await loadContext(d, turn.run_id);
        const tctx = toolContext(d, ctx, turn.workspace_id);
        const messages: Message[] = [
          { role: "system", content: systemPrompt(ctx) },
          ...turn.history.map((h) => ({ role: h.role, content: h.content }) as Message),
          { role: "user", content: b.message },
        ];
        const result = await runLoop({ llm: d.llm, now: d.now, sleep: d.sleep, record: recorder(d, turn.run_id) }, {
          model: ctx.run.model,
          temperature: ctx.agent.temperature ?? undefined,
          maxOutputTokens: ctx.agent.max_output_tokens ?? undefined,
          messages,
          tools: toolsFor(ctx),
          ctx: tctx,
          limits: {
            maxSteps: ctx.limits.max_steps,
            maxTokens: ctx.limits.max_run_tokens,
            deadline: d.now() + ctx.limits.max_run_seconds * 1000,
          },
          requiresOutput: false,
          refusalIsAnswer: true,
          onText: (text) => send("delta", { text }),
          onTool: (e) => send("tool", { name: e.name, ok: e.ok }),
        });
        const citations = citedChunks(result.answer, tctx.sources);
        const finished = result.ok
          ? {
            ...result,
            output: { content: result.answer, citations, retrieved: tctx.sources, refused: result.refused ?? false },
          }
          : result;
        const status = await finishRun(d, turn.run_id, finished);
        if (!result.ok) {
          send("error", { code: "agent_failed", message: result.error, run_id: turn.run_id });
        } else {
          const [m] = await asService(
            d.sql,
            (tx) =>
              tx`select (output #>> '{stored,chat_message_id}')::bigint as id from public.agent_runs where id = ${turn.run_id}`,
          );
          send("done", { run_id: turn.run_id, chat_message_id: m?.id ?? null, status, citations });
        }
      } catch (e) {
        const message = `the chat turn failed: ${(e as Error)?.message ?? e}`.slice(0, 1000);
        await finishRun(d, turn.run_id, { ok: false, steps: 0, error: message, answer: "", proposals: [] }).catch(
          () => {},
        );
        send("error", { code: "internal", message });
      } finally {
        try {
          controller.close();
        } catch { /* already closed */ }
      }
    },
  });

  return new Response(body, {
    status: 200,
    headers: {
      ...corsHeaders,
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      "x-accel-buffering": "no",
    },
  });
}
