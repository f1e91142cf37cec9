// /functions/v1/email-unsubscribe?token=... (verify_jwt off: the recipient is not signed in).
// RFC 8058 one-click: a mail client POSTs "List-Unsubscribe=One-Click" to the URL in the
// List-Unsubscribe header; a person who opens the link gets a page whose button POSTs the same.
// A GET never unsubscribes (link scanners fetch links). The token is an HMAC the database signed
// for this workspace and address (private.unsubscribe_email checks it).
import { asService, db } from "../_shared/db.ts";
import { env } from "../_shared/env.ts";
import { HttpError, readText, serve } from "../_shared/http.ts";
import { unsubscribePage } from "./page.ts";

serve(async (req) => {
  const token = new URL(req.url).searchParams.get("token") ?? "";
  if (!/^[A-Za-z0-9_.-]{10,2000}$/.test(token)) {
    throw new HttpError(400, "invalid_token", "this unsubscribe link is not valid");
  }
  if (req.method === "GET") return unsubscribePage("confirm");
  if (req.method !== "POST") throw new HttpError(405, "method_not_allowed", "use GET or POST");
  await readText(req, 10_000); // "List-Unsubscribe=One-Click" (or the page's form): nothing in it is needed
  try {
    await asService(db(env().dbUrl), (tx) => tx`select private.unsubscribe_email(${token})`);
  } catch (e) {
    if ((e as { code?: string }).code === "22023") {
      throw new HttpError(400, "invalid_token", "this unsubscribe link is not valid");
    }
    throw e;
  }
  return unsubscribePage("done");
});
