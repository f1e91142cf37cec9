// Discounts, gift cards and product changes in the workspace's Shopify store.
//   Discount: the code is the key Shopify knows it by: a retry that finds the code made it.
//   Gift card: its code is derived from the idempotency key with one of the deployment's token
//     keys (its id recorded on the job before the call, so a key rotation cannot change it; the
//     code itself is never stored) and its note names the approval, so a retry finds the card by
//     its last characters and note (as shopify-sync's gift card issuing does) instead of issuing a
//     second one; a "code taken" answer means an earlier call went through: it is looked up again.
//     A card for a customer is then sent to them with Shopify's own gift card email (at least once).
//   Product: read first; fields already at their target are not sent again.
import { type Payload, Payloads } from "../../_shared/actions/payloads.ts";
import { hmacSha256 } from "../../_shared/crypto.ts";
import { majorUnits } from "../../_shared/providers/ad_actions.ts";
import { authorizedClient } from "../../_shared/providers/credentials.ts";
import { ProviderError } from "../../_shared/providers/http.ts";
import { gidId, shopifyGraphQL } from "../../_shared/providers/shopify.ts";
import {
  createDiscount,
  createGiftCard,
  findDiscount,
  findGiftCard,
  gid,
  readProduct,
  sendGiftCardToCustomer,
  updateProduct,
  updateVariantPrice,
} from "../../_shared/providers/shopify_actions.ts";
import { shopAdminUrl } from "../../_shared/providers.ts";
import type { ActionHandler, Execution, HandlerDeps, Result } from "./types.ts";

function shop(e: Execution, d: HandlerDeps) {
  const shop: string = e.prepared.account;
  return shopifyGraphQL(
    { adminUrl: shopAdminUrl(d.settings, shop), shop, http: d.http, timeoutMs: d.settings.ACTIONS_API_TIMEOUT_MS },
    (c) => authorizedClient(c, d.creds, e.prepared.connection_id, (t) => ({ "x-shopify-access-token": t })),
  );
}

/** A gift card code from the key: 16 characters Shopify accepts, derived with the deployment's token key. */
export async function giftCardCode(secret: string, key: string): Promise<string> {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const mac = await hmacSha256(secret, `gift-card:${key}`);
  return Array.from(mac.slice(0, 16), (b) => alphabet[b % alphabet.length]).join("");
}

/** Minor units as the decimal Shopify takes, in the currency's exponent (2 unless the preparation said otherwise). */
const money = (minor: number, e: Execution) =>
  majorUnits(minor, typeof e.prepared.exponent === "number" ? e.prepared.exponent : 2);

async function discount(e: Execution, d: HandlerDeps): Promise<Result> {
  const p = e.payload as Payload<"apply_discount">;
  const client = shop(e, d);
  const existing = await findDiscount(client, p.code);
  if (existing) {
    if (e.reconcile) return { provider: "shopify", discount_id: existing, code: p.code, reconciled: true };
    throw new ProviderError("bad_request", `the shop already has a discount with the code ${p.code}`);
  }
  return { provider: "shopify", discount_id: await createDiscount(client, p, new Date(d.now())), code: p.code };
}

/** The token key a gift card's code derives from: the one recorded on the job, else the current one (recorded before the call). */
async function codeSecret(e: Execution, d: HandlerDeps): Promise<string> {
  const keys = new Map(d.settings.GROWTHBASE_TOKEN_KEYS.split(",").map((k) => k.trim().split(":") as [string, string]));
  const recorded = e.progress.gift_card_key_id;
  const kid = typeof recorded === "string" ? recorded : d.settings.GROWTHBASE_TOKEN_KEY_ID;
  const secret = keys.get(kid);
  if (!secret) {
    throw new ProviderError("bad_request", `token key ${kid} is not configured (gift card codes derive from it)`);
  }
  if (recorded !== kid) await d.saveProgress({ gift_card_key_id: kid });
  return secret;
}

async function giftCard(e: Execution, d: HandlerDeps): Promise<Result> {
  const p = e.payload as Payload<"issue_gift_card">;
  const code = await giftCardCode(await codeSecret(e, d), e.key);
  const note = `growthbase approval ${e.approvalId}${p.note ? `: ${p.note}` : ""}`.slice(0, 255);
  const customerGid = e.prepared.customer?.shopify_customer_id
    ? gid("Customer", e.prepared.customer.shopify_customer_id)
    : undefined;
  const client = shop(e, d);
  const found = () => findGiftCard(client, code.slice(-4), note);
  let card = await found();
  let reconciled = !!card;
  if (!card) {
    try {
      card = await createGiftCard(client, {
        code,
        amount: money(p.amount_cents, e),
        note,
        expiresOn: p.expires_on,
        customerGid,
      });
    } catch (err) {
      // TAKEN: an earlier call made the card after all (its answer was lost)
      if (!(err instanceof ProviderError && err.details.providerCode === "TAKEN")) throw err;
      card = await found();
      if (!card) throw err;
      reconciled = true;
    }
  }
  // The customer learns the code from Shopify's own gift card email (the code never passes
  // through us again). Recorded after Shopify took it: a crash in between sends it twice, never
  // not at all.
  let notified = e.progress.gift_card_notified === card.id;
  if (customerGid && !notified) {
    await sendGiftCardToCustomer(client, card.id);
    await d.saveProgress({ gift_card_notified: card.id });
    notified = true;
  }
  return {
    provider: "shopify",
    gift_card_id: gidId(card.id), // Shopify's numeric id, as gift_card_transactions keeps shopify-sync's cards
    gift_card_gid: card.id,
    last_characters: card.lastCharacters,
    customer_notified: notified,
    reconciled,
  };
}

async function product(e: Execution, d: HandlerDeps): Promise<Result> {
  const p = e.payload as Payload<"update_product">;
  const client = shop(e, d);
  const productId: string = e.prepared.shopify_product_id;
  const variantId: string = e.prepared.shopify_variant_id;
  const live = await readProduct(client, productId, variantId);
  const replaced: Record<string, unknown> = {};
  const fields: { title?: string; status?: string } = {};
  if (p.title !== undefined) {
    replaced.title = live.title;
    if (live.title !== p.title) fields.title = p.title;
  }
  if (p.status !== undefined) {
    replaced.status = live.status.toLowerCase();
    if (live.status.toLowerCase() !== p.status) fields.status = p.status.toUpperCase();
  }
  if (Object.keys(fields).length) await updateProduct(client, productId, fields);
  if (p.price_cents !== undefined) {
    if (!live.variant) throw new ProviderError("bad_request", `Shopify has no variant ${variantId}`);
    replaced.price_cents = Math.round(
      Number(live.variant.price) * 10 ** (typeof e.prepared.exponent === "number" ? e.prepared.exponent : 2),
    );
    if (Number(live.variant.price) !== Number(money(p.price_cents, e))) {
      await updateVariantPrice(client, productId, variantId, money(p.price_cents, e));
    }
  }
  return {
    provider: "shopify",
    product_id: live.id,
    changed: Object.keys(fields).concat(p.price_cents !== undefined ? ["price"] : []),
    replaced,
  };
}

export const shopifyHandler: ActionHandler = {
  kinds: ["apply_discount", "issue_gift_card", "update_product"],
  provider: "shopify",
  schema: (k) => Payloads[k as "apply_discount" | "issue_gift_card" | "update_product"],
  call: (
    e,
    d,
  ) => (e.action === "apply_discount"
    ? discount(e, d)
    : e.action === "issue_gift_card"
    ? giftCard(e, d)
    : product(e, d)),
};
