// POST /functions/v1/media-transcripts with the secret key: one run of the transcripts worker
// (worker.ts). The database calls it through pg_net when a track is queued and every minute while
// any job is due.
import { connectorDeps } from "../_shared/connector_deps.ts";
import { serve } from "../_shared/http.ts";
import { type Deps, runWorker } from "./worker.ts";

let deps: Promise<Deps> | undefined;
serve(async (req) => runWorker(req, await (deps ??= connectorDeps(20_000))));
