// POST /functions/v1/chatwoot-connect with an admin's token: { workspaceId, baseUrl, accountId,
// apiToken }. Encrypts the agent's API access token (as OAuth tokens are), stores the connection
// as the admin (private.connect_chatwoot checks the role) and answers the webhook URL to give
// Chatwoot, with this workspace's token in it (shown once).
import { z } from "zod";
import { requireUser } from "../_shared/auth.ts";
import { encryptToken, loadKeyRing } from "../_shared/crypto.ts";
import { asUser, db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { HttpError, readJson, serve } from "../_shared/http.ts";

const Body = z.object({
  workspaceId: z.string().uuid(),
  baseUrl: z.string().url().max(500),
  accountId: z.string().regex(/^\d{1,12}$/, "a numeric Chatwoot account id"),
  apiToken: z.string().min(8).max(500),
});

serve(async (req) => {
  if (req.method !== "POST") throw new HttpError(405, "method_not_allowed", "use POST");
  const claims = await requireUser(req, env().auth);
  const body = Body.parse(await readJson(req, 10_000));
  const s = env().settings;
  const ring = await loadKeyRing(s.GROWTHBASE_TOKEN_KEYS, s.GROWTHBASE_TOKEN_KEY_ID);
  const ciphertext = await encryptToken(ring, body.apiToken);
  const [row] = await asUser(
    db(env().dbUrl),
    claims,
    (tx) =>
      tx`select private.connect_chatwoot(${body.workspaceId}, ${body.baseUrl}, ${body.accountId}, ${ciphertext}, ${ring.currentId}) as token`,
  );
  const webhookUrl = `${env().supabaseUrl.replace(/\/$/, "")}/functions/v1/webhooks/chatwoot?token=${row.token}`;
  return { status: 201, body: { webhookUrl } };
});
