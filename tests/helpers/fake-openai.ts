// A fake OpenAI API on 127.0.0.1 (API port + 59, where the local functions send OPENAI_BASE_URL).
// Embeddings answer as the real API does: float arrays when asked for encoding_format "float",
// base64 otherwise; 429 with Retry-After, 500, 400 and slow answers on demand. Vectors are
// local-lexical-v1's, so searches over them rank sensibly. Chat completions play scripted
// conversations (fake-openai-chat.ts): tool calls, malformed arguments, refusals, 429 and 500,
// slow streams; a JSON-mode request (response_format json_object) no script matches gets
// fakeModel's JSON (scene plans, conversation labels) with chatPlan's faults. It also serves
// text to speech, pages for URL ingestion under /pages/, and the model list (GET /v1/models: how
// discovery lists models and a saved key is verified) with its faults.
import { createServer, type Server } from "node:http";
import { localLexicalEmbedding } from "../../functions/_shared/embeddings_local.ts";
import { fakeOpenAiUrl } from "../../scripts/lib/gateway.ts";
import { config } from "./stack.ts";
import { FakeChat } from "./fake-openai-chat.ts";
import { listenOn } from "./wait.ts";

export type Behaviour = "ok" | "429" | "500" | "400" | "slow";

export interface EmbeddingsCall {
  model: string;
  input: string[];
  encoding_format?: string;
  dimensions?: number;
  authorization?: string;
  behaviour: Behaviour;
}

export interface Page {
  status: number;
  type: string;
  body: string;
  /** A redirect's target. */
  location?: string;
}

export class FakeOpenAi {
  server!: Server;
  calls: EmbeddingsCall[] = [];
  /** One behaviour per request, consumed in order; "ok" once empty. */
  plan: Behaviour[] = [];
  /** How long a "slow" answer takes (the local functions give up after 5 s). */
  slowMs = 6500;
  pages = new Map<string, Page>();
  /** Scripted chat completions. */
  chat = new FakeChat();
  /** GET /v1/models: the ids it lists. */
  models: string[] = [];
  /** One behaviour per /v1/models request, consumed in order; "ok" once empty. */
  modelsPlan: ("ok" | "429" | "500" | "401")[] = [];
  modelsCalls = 0;
  /** The Retry-After (seconds) of a 429 from /v1/models. */
  modelsRetryAfter = "120";
  /** Keys GET /v1/models accepts (how a saved key is verified); others answer 401 invalid_api_key. */
  validKeys = new Set<string>(["local-openai-key"]);
  /** POST /v1/chat/completions: the requests, and one behaviour per request ("ok" once empty). */
  chatCalls: { model: string; messages: { role: string; content: string }[]; response_format?: unknown }[] = [];
  chatPlan: ("ok" | "429" | "500")[] = [];
  /** What the model answers (a JSON object, sent as the message content): by default labelAnalysis. */
  chatAnswer: (user: string) => unknown = fakeModel;
  /** POST /v1/audio/speech requests (text to speech answers mp3 bytes; shares chatPlan's faults). */
  speechCalls: { model: string; input: string; voice: string }[] = [];

  /** The base URL the SDK is configured with (ends in /v1). */
  get url() {
    return fakeOpenAiUrl(config);
  }

  get origin() {
    return new URL(this.url).origin;
  }

  /** Texts embedded successfully, in order. */
  embedded(): string[] {
    return this.calls.filter((c) => c.behaviour === "ok").flatMap((c) => c.input);
  }

  /** A JSON-mode request (the small structured judgements) that no conversation script matches. */
  private jsonMode(body: string): boolean {
    const b = JSON.parse(body) as { response_format?: { type?: string } };
    return b.response_format?.type === "json_object" && !this.chat.matches(body);
  }

  async start() {
    this.server = createServer(async (req, res) => {
      let body = "";
      for await (const chunk of req) body += chunk;
      const path = (req.url ?? "").split("?")[0];
      const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
        if (res.destroyed) return;
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(json));
      };
      if (req.method === "GET" && path.startsWith("/pages/")) {
        const page = this.pages.get(path.slice("/pages/".length));
        if (!page) return send(404, { error: "no such page" });
        res.writeHead(page.status, { "content-type": page.type, ...(page.location ? { location: page.location } : {}) });
        return res.end(page.body);
      }
      if (req.method === "POST" && path === "/v1/chat/completions" && !this.jsonMode(body)) return this.chat.answer(req, res, body);
      if (req.method === "GET" && path === "/v1/models") {
        const key = (req.headers.authorization ?? "").replace(/^Bearer /, "");
        if (!this.validKeys.has(key)) {
          return send(401, { error: { message: "Incorrect API key provided.", type: "invalid_request_error", param: null, code: "invalid_api_key" } });
        }
        this.modelsCalls++;
        const b = this.modelsPlan.shift() ?? "ok";
        if (b === "429") {
          return send(429, { error: { message: "Rate limit reached for requests", type: "requests", code: "rate_limit_exceeded" } },
            { "retry-after": this.modelsRetryAfter });
        }
        if (b === "500") return send(500, { error: { message: "The server had an error while processing your request.", type: "server_error" } });
        if (b === "401") {
          return send(401, { error: { message: "Incorrect API key provided: local-op*****key.", type: "invalid_request_error", code: "invalid_api_key" } });
        }
        return send(200, {
          object: "list",
          data: this.models.map((id, i) => ({ id, object: "model", created: 1_700_000_000 + i, owned_by: id.startsWith("gpt") ? "openai" : "system" })),
        });
      }
      if (req.method === "POST" && path === "/v1/audio/speech") {
        const b = JSON.parse(body) as { model: string; input: string; voice: string };
        this.speechCalls.push(b);
        const behaviour = this.chatPlan.shift() ?? "ok";
        if (behaviour !== "ok") return send(500, { error: { message: "The server had an error while processing your request.", type: "server_error" } });
        res.writeHead(200, { "content-type": "audio/mpeg" });
        return res.end(Buffer.from(`ID3 fake speech: ${b.input}`));
      }
      if (req.method === "POST" && path === "/v1/chat/completions") {
        const b = JSON.parse(body) as FakeOpenAi["chatCalls"][number];
        this.chatCalls.push(b);
        const behaviour = this.chatPlan.shift() ?? "ok";
        if (behaviour === "429") {
          return send(429, { error: { message: "Rate limit reached for requests", type: "requests", code: "rate_limit_exceeded" } },
            { "retry-after": "1" });
        }
        if (behaviour === "500") return send(500, { error: { message: "The server had an error while processing your request.", type: "server_error" } });
        const user = b.messages.filter((m) => m.role === "user").map((m) => m.content).join("\n");
        const completion = Math.max(1, Math.round(user.length / 8));
        return send(200, {
          id: "chatcmpl-fake", object: "chat.completion", created: Math.floor(Date.now() / 1000), model: b.model,
          choices: [{ index: 0, message: { role: "assistant", content: JSON.stringify(this.chatAnswer(user)), refusal: null }, finish_reason: "stop" }],
          usage: { prompt_tokens: completion * 2, completion_tokens: completion, total_tokens: completion * 3 },
        });
      }
      if (req.method !== "POST" || path !== "/v1/embeddings") return send(404, { error: { message: "not found" } });
      const b = JSON.parse(body) as { model: string; input: string | string[]; encoding_format?: string; dimensions?: number };
      const input = Array.isArray(b.input) ? b.input : [b.input];
      const behaviour = this.plan.shift() ?? "ok";
      this.calls.push({
        model: b.model, input, encoding_format: b.encoding_format, dimensions: b.dimensions,
        authorization: req.headers.authorization, behaviour,
      });
      if (behaviour === "429") {
        return send(429, { error: { message: "Rate limit reached for requests", type: "requests", code: "rate_limit_exceeded" } },
          { "retry-after": "1" });
      }
      if (behaviour === "500") return send(500, { error: { message: "The server had an error while processing your request.", type: "server_error" } });
      if (behaviour === "400") {
        return send(400, { error: { message: "This model's maximum context length is 8192 tokens.", type: "invalid_request_error" } });
      }
      if (behaviour === "slow") await new Promise((r) => setTimeout(r, this.slowMs));
      const data = input.map((t, index) => {
        const v = localLexicalEmbedding(t);
        const embedding = b.encoding_format === "float" ? v : Buffer.from(new Float32Array(v).buffer).toString("base64");
        return { object: "embedding", index, embedding };
      });
      send(200, { object: "list", data, model: b.model, usage: { prompt_tokens: input.length * 10, total_tokens: input.length * 10 } });
    });
    const port = Number(new URL(this.url).port);
    await listenOn(this.server, port);
    return this;
  }

  stop() {
    this.server.closeAllConnections();
    return new Promise<void>((r) => this.server.close(() => r()));
  }
}

/**
 * The fake model's reading of a demo conversation ({messages: [{index, role, content}]}): price
 * words are a pricing question, "love", "great" and "thanks" positive, "expensive" and "not"
 * negative, the rest neutral; confidence 0.9.
 */
export function labelAnalysis(user: string): unknown {
  let messages: { index: number; content: string }[] = [];
  try {
    messages = (JSON.parse(user) as { messages: typeof messages }).messages ?? [];
  } catch { /* not a conversation: nothing to label */ }
  return {
    messages: messages.map((m) => {
      const t = m.content.toLowerCase();
      const sentiment = /love|great|thanks/.test(t) ? "positive" : /expensive|\bnot\b/.test(t) ? "negative" : "neutral";
      const intent = /price|cost|how much/.test(t) ? "pricing_question" : /love|buy/.test(t) ? "purchase_intent" : "information";
      return { index: m.index, sentiment, intent, confidence: 0.9 };
    }),
  };
}

/**
 * The fake model: a video brief ({goal, duration_s, ...}) gets a scene plan of 4-second scenes;
 * a conversation ({messages}) gets labelAnalysis.
 */
export function fakeModel(user: string): unknown {
  let v: { goal?: string; duration_s?: number } = {};
  try {
    v = JSON.parse(user);
  } catch { /* below */ }
  if (typeof v.goal !== "string") return labelAnalysis(user);
  const n = Math.max(1, Math.min(3, Math.round((v.duration_s ?? 8) / 4)));
  return {
    scenes: Array.from({ length: n }, (_, i) => ({
      prompt: `Scene ${i + 1} of ${v.goal}`, seconds: 4, narration: `Line ${i + 1} about ${v.goal}.`,
    })),
  };
}
