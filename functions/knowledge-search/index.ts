// POST /functions/v1/knowledge-search with a user's JWT: see search.ts.
import { db } from "../_shared/db.ts";
import { embeddingProvider } from "../_shared/embedding_provider.ts";
import { embeddingEnv, type EmbeddingModel, type EmbeddingProvider } from "../_shared/embeddings.ts";
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { type Deps, search } from "./search.ts";

let deps: Deps | undefined;
const getDeps = () => {
  if (deps) return deps;
  const e = embeddingEnv((k) => Deno.env.get(k));
  const providers = new Map<EmbeddingModel, EmbeddingProvider>();
  return deps = {
    sql: db(env().dbUrl),
    auth: env().auth,
    env: e,
    provider: (model) => {
      if (!providers.has(model)) providers.set(model, embeddingProvider(model, e));
      return providers.get(model)!;
    },
  };
};

serve((req) => search(req, getDeps()));
