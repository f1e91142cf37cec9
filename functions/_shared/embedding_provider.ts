// The provider for a model (local-lexical-v1 in process, anything else through OpenAI), and the
// dependencies the embedding functions share.
import type { AuthConfig } from "./auth.ts";
import { db, type Sql } from "./db.ts";
import { type EmbeddingEnv, type EmbeddingModel, type EmbeddingProvider, localProvider } from "./embeddings.ts";
import { openAiEmbedder } from "./embeddings_openai.ts";
import { env } from "./env.ts";

/** The provider for a model (null: the deployment default, EMBEDDING_MODEL). */
export function embeddingProvider(model: EmbeddingModel | null, env: EmbeddingEnv): EmbeddingProvider {
  const m = model ?? env.EMBEDDING_MODEL;
  if (m === "local-lexical-v1") return localProvider();
  return openAiEmbedder(m, env);
}

export interface EmbeddingDeps {
  sql: Sql;
  auth: AuthConfig;
  env: EmbeddingEnv;
  provider: (model: EmbeddingModel) => EmbeddingProvider;
}

let shared: EmbeddingDeps | undefined;

/** What the embedding functions share, made once per instance: the pool, auth, env and one provider per model. */
export function embeddingDeps(): EmbeddingDeps {
  if (shared) return shared;
  const e = env().settings;
  const providers = new Map<EmbeddingModel, EmbeddingProvider>();
  return shared = {
    sql: db(env().dbUrl),
    auth: env().auth,
    env: e,
    provider: (model) => {
      if (!providers.has(model)) providers.set(model, embeddingProvider(model, e));
      return providers.get(model)!;
    },
  };
}
