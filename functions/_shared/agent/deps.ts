// What the agent functions share, made once per instance: the pool, the model endpoint from
// configuration, the embedding deps for knowledge search.
import { db } from "../db.ts";
import { embeddingDeps } from "../embedding_provider.ts";
import { env } from "../env.ts";
import { llmEndpoint, openAiLlm } from "../llm.ts";
import type { AgentDeps } from "./session.ts";

let shared: AgentDeps | undefined;

export function agentDeps(): AgentDeps {
  return shared ??= {
    sql: db(env().dbUrl),
    llm: openAiLlm(llmEndpoint(env().settings)),
    embedding: embeddingDeps(),
    now: () => Date.now(),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    leaseSeconds: 300,
  };
}
