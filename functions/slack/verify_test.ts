import { assertEquals } from "../_shared/assert.ts";
import { HttpError } from "../_shared/errors.ts";
import { slackSignature, verifySlack } from "./verify.ts";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const body = new TextEncoder().encode("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Fweather");

async function outcome(headers: Record<string, string>, nowS: number) {
  try {
    await verifySlack(new Headers(headers), body, SECRET, nowS * 1000);
    return "ok";
  } catch (e) {
    return (e as HttpError).code;
  }
}

Deno.test("Slack signature: v0 HMAC over v0:timestamp:body within 5 minutes", async () => {
  const ts = "1531420618";
  const sig = await slackSignature(SECRET, ts, body);
  assertEquals(await outcome({ "x-slack-request-timestamp": ts, "x-slack-signature": sig }, 1531420618 + 299), "ok");
  assertEquals(
    await outcome({ "x-slack-request-timestamp": ts, "x-slack-signature": sig }, 1531420618 + 301),
    "stale_signature",
  );
  assertEquals(
    await outcome({ "x-slack-request-timestamp": ts, "x-slack-signature": sig.replace(/.$/, "0") }, 1531420618),
    "invalid_signature",
  );
  assertEquals(await outcome({ "x-slack-request-timestamp": ts }, 1531420618), "invalid_signature");
});
