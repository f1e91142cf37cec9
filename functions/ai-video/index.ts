// POST /functions/v1/ai-video with the secret key: one run of the AI video worker (worker.ts).
// The database calls it through pg_net when a project starts or a stage is queued, and every
// minute while any step is due.
import { connectorDeps } from "../_shared/connector_deps.ts";
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { storageApi } from "../_shared/storage.ts";
import { type Deps, runWorker } from "./worker.ts";

let deps: Promise<Deps> | undefined;
const getDeps = () =>
  deps ??= connectorDeps(40_000).then((c) => ({
    ...c,
    storage: storageApi(env().storageUrl, env().auth.serviceKeys[0]),
  }));

serve(async (req) => runWorker(req, await getDeps()));
