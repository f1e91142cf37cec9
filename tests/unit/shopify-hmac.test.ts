// Our Shopify verification side by side with Shopify's own library (@shopify/shopify-api, the
// validators a Shopify app uses): for every input both must agree, valid or not.
import "@shopify/shopify-api/adapters/web-api";
import { createHmac } from "node:crypto";
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { shopifyQueryCheck } from "../../functions/oauth/providers/shopify_hmac.ts";
import { checkShopifyWebhook } from "../../functions/webhooks/shopify_verify.ts";

const secret = "hush-this-is-the-app-secret";
const shopify = shopifyApi({
  apiKey: "key", apiSecretKey: secret, scopes: [], hostName: "127.0.0.1", apiVersion: ApiVersion.January25,
  isEmbeddedApp: false, logger: { level: LogSeverity.Error, log: () => {} },
});

/** Signs a query the way Shopify's servers do: sorted keys, URL-encoded, hex HMAC. */
function sign(q: Record<string, string>, key = secret) {
  const sorted = new URLSearchParams(Object.keys(q).sort((a, b) => a.localeCompare(b)).map((k) => [k, q[k]]));
  return createHmac("sha256", key).update(sorted.toString()).digest("hex");
}

async function libraryQuery(params: URLSearchParams): Promise<boolean> {
  try {
    return await shopify.utils.validateHmac(Object.fromEntries(params.entries()) as never);
  } catch {
    return false; // the library throws for a missing hmac or a stale timestamp
  }
}

describe("OAuth callback query HMAC", () => {
  const now = () => String(Math.floor(Date.now() / 1000));
  const cases: [string, () => URLSearchParams][] = [];
  const base = () => ({ code: "abc123", host: "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvZGVtbw==", shop: "demo.myshopify.com", state: "st+ate/=", timestamp: now() });
  cases.push(["valid, with an encoded host (base64 '==')", () => { const q = base(); return new URLSearchParams({ ...q, hmac: sign(q) }); }]);
  cases.push(["valid, values with spaces, & and unicode", () => { const q = { ...base(), note: "a b&c=d ü" }; return new URLSearchParams({ ...q, hmac: sign(q) }); }]);
  cases.push(["signed over decoded values (the old mistake)", () => {
    const q = base();
    const decoded = Object.keys(q).sort().map((k) => `${k}=${q[k as keyof typeof q]}`).join("&");
    return new URLSearchParams({ ...q, hmac: createHmac("sha256", secret).update(decoded).digest("hex") });
  }]);
  cases.push(["upper-case hex", () => { const q = base(); return new URLSearchParams({ ...q, hmac: sign(q).toUpperCase() }); }]);
  cases.push(["tampered value", () => { const q = base(); return new URLSearchParams({ ...q, hmac: sign(q), shop: "evil.myshopify.com" }); }]);
  cases.push(["wrong secret", () => { const q = base(); return new URLSearchParams({ ...q, hmac: sign(q, "other") }); }]);
  cases.push(["no hmac", () => new URLSearchParams(base())]);
  cases.push(["stale timestamp", () => { const q = { ...base(), timestamp: String(Math.floor(Date.now() / 1000) - 600) }; return new URLSearchParams({ ...q, hmac: sign(q) }); }]);
  cases.push(["with a signature parameter (ignored by both)", () => { const q = base(); return new URLSearchParams({ ...q, hmac: sign(q), signature: "x" }); }]);
  cases.push(["mixed-case keys sort by localeCompare", () => { const q = { ...base(), Zeta: "1", alpha: "2", Beta: "3" }; return new URLSearchParams({ ...q, hmac: sign(q) }); }]);

  for (const [name, make] of cases) {
    it(`agrees with @shopify/shopify-api: ${name}`, async () => {
      const params = make();
      const ours = (await shopifyQueryCheck(params, secret, Date.now())) === "ok";
      expect(ours).toBe(await libraryQuery(params));
    });
  }

  it("accepts the genuine cases and refuses the rest (so agreement is not vacuous)", async () => {
    const results = await Promise.all(cases.map(async ([n, make]) => [n, (await shopifyQueryCheck(make(), secret, Date.now())) === "ok"]));
    expect(results.filter(([, ok]) => ok).map(([n]) => n)).toEqual([
      "valid, with an encoded host (base64 '==')", "valid, values with spaces, & and unicode",
      "with a signature parameter (ignored by both)", "mixed-case keys sort by localeCompare",
    ]);
  });
});

describe("webhook HMAC and headers", () => {
  const body = JSON.stringify({ id: 820982911946154500, note: "nul \u0000 inside", total_price: "10.00" });
  const hmac = (b: string, key = secret) => createHmac("sha256", key).update(b).digest("base64");
  const headers = (b: string, over: Record<string, string | null> = {}) => {
    const h: Record<string, string | null> = {
      "x-shopify-hmac-sha256": hmac(b), "x-shopify-topic": "orders/create", "x-shopify-shop-domain": "demo.myshopify.com",
      "x-shopify-api-version": "2025-01", "x-shopify-webhook-id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", ...over,
    };
    return new Headers(Object.entries(h).filter(([, v]) => v !== null) as [string, string][]);
  };
  const cases: [string, string, Headers][] = [
    ["valid (a body holding \\u0000)", body, headers(body)],
    ["tampered body", body.replace("10.00", "0.01"), headers(body)],
    ["wrong secret", body, headers(body, { "x-shopify-hmac-sha256": hmac(body, "other") })],
    ["hmac in hex instead of base64", body, headers(body, { "x-shopify-hmac-sha256": createHmac("sha256", secret).update(body).digest("hex") })],
    ["no hmac header", body, headers(body, { "x-shopify-hmac-sha256": null })],
    ["no API version header", body, headers(body, { "x-shopify-api-version": null })],
    ["no webhook id", body, headers(body, { "x-shopify-webhook-id": null })],
    ["no topic", body, headers(body, { "x-shopify-topic": null })],
    ["empty body", "", headers("")],
  ];

  for (const [name, b, h] of cases) {
    it(`agrees with @shopify/shopify-api: ${name}`, async () => {
      const lib = await shopify.webhooks.validate({
        rawBody: b,
        rawRequest: new Request("https://app.test/webhooks", { method: "POST", headers: h, body: b || undefined }),
      });
      const ours = await checkShopifyWebhook(h, new TextEncoder().encode(b), secret);
      expect(ours.valid, JSON.stringify(ours)).toBe(lib.valid);
      if (!lib.valid && "missingHeaders" in lib) {
        expect(ours.valid === false && ours.missingHeaders?.map((x) => x.toLowerCase())).toEqual(lib.missingHeaders.map((x: string) => x.toLowerCase()));
      }
    });
  }

  it("only the genuine delivery is valid", async () => {
    const valid = await Promise.all(cases.map(async ([, b, h]) => (await checkShopifyWebhook(h, new TextEncoder().encode(b), secret)).valid));
    expect(valid).toEqual([true, false, false, false, false, false, false, false, false]);
  });
});
