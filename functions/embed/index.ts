// POST /functions/v1/embed with the service role key: one run of the embedding queue worker.
// In the cloud pg_cron calls it every minute through pg_net while jobs are due.
import { embeddingDeps } from "../_shared/embedding_provider.ts";
import { serve } from "../_shared/http.ts";
import { type Deps, runWorker } from "./worker.ts";

let deps: Deps | undefined;
const getDeps = () => deps ??= { ...embeddingDeps(), now: () => Date.now(), budgetMs: 40_000 };

serve((req) => runWorker(req, getDeps()));
