// POST /functions/v1/embed with the service role key: one run of the embedding queue worker.
// In the cloud pg_cron calls it every minute through pg_net while jobs are due.
import { db } from "../_shared/db.ts";
import { embeddingProvider } from "../_shared/embedding_provider.ts";
import { embeddingEnv, type EmbeddingModel, type EmbeddingProvider } from "../_shared/embeddings.ts";
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { type Deps, runWorker } from "./worker.ts";

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
    now: () => Date.now(),
    budgetMs: 40_000,
  };
};

serve((req) => runWorker(req, getDeps()));
