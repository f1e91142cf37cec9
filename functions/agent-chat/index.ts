// POST /functions/v1/agent-chat with a user's token: one chat turn, answered as server-sent events (chat.ts).
import { agentDeps } from "../_shared/agent/deps.ts";
import { env } from "../_shared/env.ts";
import { serve } from "../_shared/http.ts";
import { chat, type Deps } from "./chat.ts";

let deps: Deps | undefined;
const getDeps = () => deps ??= { ...agentDeps(), auth: env().auth, modelOverride: env().settings.AGENT_MODEL };

serve((req) => chat(req, getDeps()));
