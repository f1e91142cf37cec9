// The provider for a model: local-lexical-v1 in process, anything else through OpenAI.
import { type EmbeddingEnv, type EmbeddingModel, type EmbeddingProvider, localProvider } from "./embeddings.ts";
import { openAiEmbedder } from "./embeddings_openai.ts";

/** The provider for a model (null: the deployment default, EMBEDDING_MODEL). */
export function embeddingProvider(model: EmbeddingModel | null, env: EmbeddingEnv): EmbeddingProvider {
  const m = model ?? env.EMBEDDING_MODEL;
  if (m === "local-lexical-v1") return localProvider();
  return openAiEmbedder(m, env);
}
