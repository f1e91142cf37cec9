// shopify.app.toml against the code: Shopify calls our receiver only for the topics the app
// subscribes to, so every topic the database processes must be subscribed, and nothing else; the
// compliance topics are the three Shopify mandates; the API version and scopes are the ones the
// code uses (SHOPIFY_API_VERSION, SHOPIFY_SCOPES' default).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "smol-toml";
import { afterAll, describe, expect, it } from "vitest";
import { SHOPIFY_DEFAULT_SCOPES } from "../../functions/_shared/env.ts";
import { SHOPIFY_API_VERSION } from "../../functions/_shared/providers/shopify.ts";
import { config, superuser } from "../helpers/stack.ts";

const sql = superuser();
afterAll(() => sql.end());

type AppConfig = {
  access_scopes: { scopes: string };
  webhooks: { api_version: string; subscriptions: { topics?: string[]; compliance_topics?: string[]; uri: string }[] };
};
const app = parse(readFileSync(join(config.repoRoot, "shopify.app.toml"), "utf8")) as unknown as AppConfig;
const COMPLIANCE = ["customers/data_request", "customers/redact", "shop/redact"];

describe("shopify.app.toml", () => {
  it("subscribes to every topic the database processes, and to no other", async () => {
    // the topics named in the Shopify processors' definitions, read from the live catalog
    const [{ topics }] = await sql`select array(select distinct m[1] from pg_proc p
        join pg_namespace n on n.oid = p.pronamespace,
        regexp_matches(pg_get_functiondef(p.oid), '''([a-z_]+/[a-z_]+)''', 'g') m
        where n.nspname = 'private' and p.proname in ('process_shopify_event', 'process_shopify_catalog_event')
        order by 1) as topics`;
    const subscribed = app.webhooks.subscriptions.flatMap((s) => [...(s.topics ?? []), ...(s.compliance_topics ?? [])]).sort();
    expect(topics.length).toBeGreaterThan(20);
    expect(subscribed).toEqual(topics);
  });

  it("sends the compliance topics and the rest to the webhooks function, at the pinned API version", () => {
    const compliance = app.webhooks.subscriptions.flatMap((s) => s.compliance_topics ?? []).sort();
    expect(compliance).toEqual(COMPLIANCE);
    for (const s of app.webhooks.subscriptions) expect(s.uri).toMatch(/^https:\/\/.+\/functions\/v1\/webhooks\/shopify$/);
    expect(app.webhooks.api_version).toBe(SHOPIFY_API_VERSION);
  });

  it("asks for the scopes the app's OAuth asks for (gift cards and discounts included)", () => {
    const scopes = SHOPIFY_DEFAULT_SCOPES;
    expect(app.access_scopes.scopes).toBe(scopes);
    expect(scopes.split(",")).toEqual(expect.arrayContaining(["write_gift_cards", "write_discounts"]));
  });
});
