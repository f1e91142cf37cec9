// POST /functions/v1/demo-analysis with the secret key: one run of the conversation analysis
// worker (worker.ts). The database calls it through pg_net when a transcript arrives and every
// minute while any job is due.
import { connectorDeps } from "../_shared/connector_deps.ts";
import { serve } from "../_shared/http.ts";
import { type Deps, runWorker } from "./worker.ts";

let deps: Promise<Deps> | undefined;
serve(async (req) => runWorker(req, await (deps ??= connectorDeps(40_000))));
