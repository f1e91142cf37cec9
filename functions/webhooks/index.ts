// /functions/v1/webhooks/{shopify,mux,resend,tavus,chatwoot} (verify_jwt off: providers sign instead).
import { db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { HttpError, serve } from "../_shared/http.ts";
import { type Deps, mux, resend, shopify, tokenAuthed } from "./receive.ts";

let deps: Deps | undefined;
const getDeps = () => deps ??= { env: env().settings, sql: db(env().dbUrl), now: () => Date.now() };

serve(async (req) => {
  if (req.method !== "POST") throw new HttpError(405, "method_not_allowed", "use POST");
  const provider = new URL(req.url).pathname.replace(/^.*\/webhooks\/?/, "");
  const d = getDeps();
  if (provider === "shopify") return await shopify(req, d);
  if (provider === "mux") return await mux(req, d);
  if (provider === "resend") return await resend(req, d);
  if (provider === "tavus" || provider === "chatwoot") return await tokenAuthed(req, d, provider);
  throw new HttpError(404, "not_found", "no webhook receiver for this provider");
});
