import { assertEquals } from "./assert.ts";
import { z } from "zod";
import { handle, HttpError, readJson } from "./http.ts";

Deno.test("handle maps HttpError, zod errors and bad JSON to the stable error shape", async () => {
  const Body = z.object({ name: z.string().min(1) });
  const h = handle(async (req) => {
    const body = Body.parse(await readJson(req));
    if (body.name === "teapot") throw new HttpError(418, "teapot", "short and stout");
    return { status: 201, body };
  });
  const post = (body: string) => h(new Request("http://x/f", { method: "POST", body }));

  let r = await post('{"name":"a"}');
  assertEquals([r.status, await r.json()], [201, { name: "a" }]);
  r = await post('{"name":""}');
  const bad = await r.json();
  assertEquals([r.status, bad.error.code, bad.error.details[0].path], [400, "invalid_request", "name"]);
  r = await post("{not json");
  assertEquals([r.status, (await r.json()).error.code], [400, "invalid_json"]);
  r = await post('{"name":"teapot"}');
  assertEquals([r.status, await r.json()], [418, { error: { code: "teapot", message: "short and stout" } }]);
  r = await h(new Request("http://x/f", { method: "OPTIONS" }));
  assertEquals(r.status, 204);
});

Deno.test("handle hides unexpected errors behind a 500 without details", async () => {
  const h = handle(() => {
    throw new Error("secret internals");
  });
  const orig = console.error;
  console.error = () => {};
  try {
    const r = await h(new Request("http://x/f"));
    assertEquals([r.status, await r.json()], [500, { error: { code: "internal", message: "internal error" } }]);
  } finally {
    console.error = orig;
  }
});

Deno.test("readJson refuses bodies over the limit", async () => {
  const h = handle(async (req) => ({ body: await readJson(req, 10) }));
  const r = await h(new Request("http://x/f", { method: "POST", body: JSON.stringify({ a: "0123456789" }) }));
  assertEquals([r.status, (await r.json()).error.code], [413, "payload_too_large"]);
});
