import { assertEquals } from "../assert.ts";
import { classifyResendError } from "./resend.ts";
import { classifySlack } from "./slack.ts";

const NOW = Date.UTC(2026, 11, 10, 12, 0, 0);

Deno.test("Resend: 429 waits as long as retry-after (or ratelimit-reset) says", () => {
  const a = classifyResendError({ statusCode: 429, name: "rate_limit_exceeded", message: "slow down" }, {
    "retry-after": "3",
  }, NOW);
  assertEquals([a.kind, a.details.retryAt?.getTime()], ["throttled", NOW + 3000]);
  const b = classifyResendError({ statusCode: 429, name: "rate_limit_exceeded" }, { "ratelimit-reset": "2" }, NOW);
  assertEquals(b.details.retryAt?.getTime(), NOW + 2000);
});

Deno.test("Resend: what is retried and what is a dead letter", () => {
  const kind = (statusCode: number | null, name: string) => classifyResendError({ statusCode, name }, null, NOW).kind;
  assertEquals(kind(500, "application_error"), "retry_later");
  assertEquals(kind(null, "application_error"), "retry_later"); // no answer at all
  assertEquals(kind(409, "concurrent_idempotent_requests"), "retry_later");
  assertEquals(kind(409, "invalid_idempotent_request"), "bad_request");
  assertEquals(kind(422, "validation_error"), "bad_request");
  assertEquals(kind(401, "missing_api_key"), "retry_later"); // our key: every email would fail alike
});

Deno.test("Slack: ok false is classified by its error code", () => {
  const a = (error: string) =>
    classifySlack({ status: 200, headers: new Headers(), body: { ok: false, error } }, NOW)?.kind ?? null;
  assertEquals(a("token_revoked"), "token_invalid");
  assertEquals(a("ratelimited"), "throttled");
  assertEquals(a("internal_error"), "retry_later");
  assertEquals(a("channel_not_found"), "bad_request");
  assertEquals(classifySlack({ status: 200, headers: new Headers(), body: { ok: true } }, NOW), null);
  assertEquals(classifySlack({ status: 429, headers: new Headers({ "retry-after": "5" }), body: {} }, NOW), null);
});
