// POST /functions/v1/api-keys with a user's token: verify a provider key, encrypt it, store it
// (a workspace's Klaviyo or Yotpo keys by an admin; a user's own OpenAI key). Never returns a key.
import { env } from "../_shared/env.ts";
import { HttpError, serve } from "../_shared/http.ts";
import { workerDeps } from "../_shared/worker_deps.ts";
import { save } from "./save.ts";

serve(async (req) => {
  if (req.method !== "POST") throw new HttpError(405, "method_not_allowed", "use POST");
  const d = await workerDeps();
  return await save(req, { ...d, auth: env().auth, http: { fetch: d.fetch, now: d.now } });
});
