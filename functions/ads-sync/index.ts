// POST /functions/v1/ads-sync with the secret key: one run of the ads sync worker. The database
// calls it through pg_net when work is queued and every minute while any is due.
import { connectorDeps } from "../_shared/connector_deps.ts";
import { serve } from "../_shared/http.ts";
import { type Deps, runWorker } from "./worker.ts";

let deps: Promise<Deps> | undefined;
serve(async (req) => runWorker(req, await (deps ??= connectorDeps(40_000))));
