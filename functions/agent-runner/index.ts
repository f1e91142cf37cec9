// POST /functions/v1/agent-runner with the secret key: works queued agent runs (see runner.ts).
// The database wakes it when a run is queued; pg_cron sweeps every minute.
import { agentDeps } from "../_shared/agent/deps.ts";
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { type Deps, runAgents } from "./runner.ts";

let deps: Deps | undefined;
const getDeps = () =>
  deps ??= { ...agentDeps(), auth: env().auth, modelOverride: env().settings.AGENT_MODEL, budgetMs: 50_000 };

serve((req) => runAgents(req, getDeps()));
