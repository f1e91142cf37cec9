// Shopify Admin GraphQL for the approval executor, through the shop's one GraphQL client
// (providers/shopify.ts: the pinned API version, the per-shop cost bucket, THROTTLED and refused
// tokens classified): discount codes (discountCodeBasicCreate; found again by
// codeDiscountNodeByCode), gift cards (giftCardCreate with a code we derive from the idempotency
// key and a note naming the approval, so a retry finds the card by its last characters and note,
// as the gift card issuing of shopify-sync does, instead of issuing a second; the code is never
// stored; a card for a customer is then sent to them by Shopify's own gift card email,
// giftCardSendNotificationToCustomer) and products (productUpdate, productVariantsBulkUpdate
// for the price; read back with product).
import { ProviderError } from "./http.ts";
import type { ShopifyGraphQL } from "./shopify.ts";
import { userErrors } from "./shopify.ts";

type Gql = ShopifyGraphQL;

interface UserError {
  field?: string[] | null;
  message: string;
  code?: string | null;
}

function refuseOn(errors: UserError[] | undefined, what: string) {
  const e = userErrors(errors ?? []);
  if (e) {
    throw new ProviderError("bad_request", e.message.replace(/^Shopify refused: /, `Shopify refused ${what}: `), {
      providerCode: e.details.providerCode,
    });
  }
}

export const gid = (type: string, id: string) => (id.startsWith("gid://") ? id : `gid://shopify/${type}/${id}`);

export async function findDiscount(gql: Gql, code: string): Promise<string | null> {
  const d = await gql.query<{ codeDiscountNodeByCode: { id: string } | null }>(
    "query($code: String!) { codeDiscountNodeByCode(code: $code) { id } }",
    { code },
  );
  return d.codeDiscountNodeByCode?.id ?? null;
}

export async function createDiscount(gql: Gql, p: {
  code: string;
  percent: number;
  title?: string;
  starts_at?: string;
  ends_at?: string;
  usage_limit?: number;
  once_per_customer?: boolean;
}, now: Date): Promise<string> {
  const d = await gql.query<
    { discountCodeBasicCreate: { codeDiscountNode: { id: string } | null; userErrors: UserError[] } }
  >(
    `mutation($d: DiscountCodeBasicInput!) {
      discountCodeBasicCreate(basicCodeDiscount: $d) { codeDiscountNode { id } userErrors { field message code } }
    }`,
    {
      d: {
        title: p.title ?? `${p.percent}% off (${p.code})`,
        code: p.code,
        startsAt: p.starts_at ?? now.toISOString(),
        endsAt: p.ends_at ?? null,
        customerSelection: { all: true },
        customerGets: { value: { percentage: p.percent / 100 }, items: { all: true } },
        appliesOncePerCustomer: p.once_per_customer ?? true,
        usageLimit: p.usage_limit ?? null,
      },
    },
  );
  refuseOn(d.discountCodeBasicCreate.userErrors, "the discount");
  const id = d.discountCodeBasicCreate.codeDiscountNode?.id;
  if (!id) throw new ProviderError("retry_later", "Shopify created no discount and gave no reason");
  return id;
}

/** Our card among those with these last characters: the one whose note names it (Shopify searches gift cards by last_characters, not by code). */
export async function findGiftCard(
  gql: Gql,
  lastCharacters: string,
  note: string,
): Promise<{ id: string; lastCharacters: string } | null> {
  const d = await gql.query<{ giftCards: { nodes: { id: string; lastCharacters: string; note: string | null }[] } }>(
    "query($q: String!) { giftCards(first: 20, query: $q) { nodes { id lastCharacters note } } }",
    { q: `last_characters:${lastCharacters}` },
  );
  const card = d.giftCards.nodes.find((n) => n.note === note);
  return card ? { id: card.id, lastCharacters: card.lastCharacters } : null;
}

export async function createGiftCard(gql: Gql, p: {
  code: string;
  amount: string;
  note?: string;
  expiresOn?: string;
  customerGid?: string;
}): Promise<{ id: string; lastCharacters: string }> {
  const d = await gql.query<
    { giftCardCreate: { giftCard: { id: string; lastCharacters: string } | null; userErrors: UserError[] } }
  >(
    `mutation($input: GiftCardCreateInput!) {
      giftCardCreate(input: $input) { giftCard { id lastCharacters } userErrors { field message code } }
    }`,
    {
      input: {
        initialValue: p.amount,
        code: p.code,
        ...(p.note ? { note: p.note } : {}),
        ...(p.expiresOn ? { expiresOn: p.expiresOn } : {}),
        ...(p.customerGid ? { customerId: p.customerGid } : {}),
      },
    },
  );
  refuseOn(d.giftCardCreate.userErrors, "the gift card");
  if (!d.giftCardCreate.giftCard) {
    throw new ProviderError("retry_later", "Shopify created no gift card and gave no reason");
  }
  return d.giftCardCreate.giftCard;
}

/** Shopify's gift card email to the card's customer, with its code (giftCardSendNotificationToCustomer). */
export async function sendGiftCardToCustomer(gql: Gql, giftCardGid: string): Promise<void> {
  const d = await gql.query<{ giftCardSendNotificationToCustomer: { userErrors: UserError[] } }>(
    `mutation($id: ID!) { giftCardSendNotificationToCustomer(id: $id) { giftCard { id } userErrors { field message code } } }`,
    { id: giftCardGid },
  );
  refuseOn(d.giftCardSendNotificationToCustomer.userErrors, "the gift card email");
}

export interface ShopifyProduct {
  id: string;
  title: string;
  status: string;
  variant: { id: string; price: string } | null;
}

export async function readProduct(gql: Gql, productId: string, variantId: string): Promise<ShopifyProduct> {
  const d = await gql.query<
    {
      product: { id: string; title: string; status: string } | null;
      productVariant: { id: string; price: string } | null;
    }
  >(
    "query($p: ID!, $v: ID!) { product(id: $p) { id title status } productVariant(id: $v) { id price } }",
    { p: gid("Product", productId), v: gid("ProductVariant", variantId) },
  );
  if (!d.product) throw new ProviderError("bad_request", `Shopify has no product ${productId}`);
  return { ...d.product, variant: d.productVariant };
}

export async function updateProduct(gql: Gql, productId: string, fields: { title?: string; status?: string }) {
  const d = await gql.query<{ productUpdate: { product: { id: string } | null; userErrors: UserError[] } }>(
    `mutation($product: ProductUpdateInput!) { productUpdate(product: $product) { product { id } userErrors { field message } } }`,
    { product: { id: gid("Product", productId), ...fields } },
  );
  refuseOn(d.productUpdate.userErrors, "the product change");
}

export async function updateVariantPrice(gql: Gql, productId: string, variantId: string, price: string) {
  const d = await gql.query<
    { productVariantsBulkUpdate: { productVariants: { id: string; price: string }[] | null; userErrors: UserError[] } }
  >(
    `mutation($p: ID!, $v: [ProductVariantsBulkInput!]!) {
      productVariantsBulkUpdate(productId: $p, variants: $v) { productVariants { id price } userErrors { field message } }
    }`,
    { p: gid("Product", productId), v: [{ id: gid("ProductVariant", variantId), price }] },
  );
  refuseOn(d.productVariantsBulkUpdate.userErrors, "the price change");
}
