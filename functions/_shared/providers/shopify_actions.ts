// Shopify Admin GraphQL for the approval executor, on the API version pinned in configuration
// (SHOPIFY_API_VERSION): discount codes (discountCodeBasicCreate; found again by
// codeDiscountNodeByCode), gift cards (giftCardCreate with a code we derive from the idempotency
// key, so a retry finds the card by its code instead of issuing a second; the code is never
// stored) and products (productUpdate, productVariantsBulkUpdate for the price; read back with
// product). Throttling follows the cost model: THROTTLED errors wait until enough of the bucket
// has been restored (extensions.cost.throttleStatus). Replace shopifyActionsClient with h/shopify's
// Admin client once merged; the mutations stay.
import type { Settings } from "../env.ts";
import { shopAdminUrl } from "../providers.ts";
import { type Answer, type Client, providerClient, ProviderError, type ProviderHttp } from "./http.ts";

interface GqlError {
  message?: string;
  extensions?: { code?: string };
}
interface Cost {
  requestedQueryCost?: number;
  throttleStatus?: { currentlyAvailable?: number; restoreRate?: number };
}

export function classifyShopifyAction(a: Answer, now: number): ProviderError | null {
  const b = a.body as { errors?: GqlError[] | string; extensions?: { cost?: Cost } } | null;
  if (!b || typeof b !== "object" || !b.errors) return null;
  const errors = Array.isArray(b.errors) ? b.errors : [{ message: String(b.errors) }];
  const what = `Shopify: ${errors.map((e) => e.message).join("; ").slice(0, 500)}`;
  if (errors.some((e) => e.extensions?.code === "THROTTLED")) {
    const c = b.extensions?.cost;
    const need = Math.max(0, (c?.requestedQueryCost ?? 50) - (c?.throttleStatus?.currentlyAvailable ?? 0));
    const wait = Math.ceil((need / Math.max(1, c?.throttleStatus?.restoreRate ?? 50)) * 1000) + 250;
    return new ProviderError("throttled", what, {
      status: a.status,
      retryAt: new Date(now + wait),
      providerCode: "THROTTLED",
    });
  }
  if (errors.some((e) => e.extensions?.code === "ACCESS_DENIED") || a.status === 401) {
    return new ProviderError("token_invalid", what, { status: a.status });
  }
  if (errors.some((e) => e.extensions?.code === "INTERNAL_SERVER_ERROR") || a.status >= 500) {
    return new ProviderError("retry_later", what, { status: a.status });
  }
  return new ProviderError("bad_request", what, { status: a.status });
}

export function shopifyActionsClient(s: Settings, http: ProviderHttp, shop: string): Client {
  return providerClient({
    name: "Shopify",
    baseUrl: `${shopAdminUrl(s, shop)}/admin/api/${s.SHOPIFY_API_VERSION}/`,
    timeoutMs: s.ACTIONS_API_TIMEOUT_MS,
    http,
    classify: classifyShopifyAction,
  });
}

export const shopifyAuth = (token: string) => ({ "x-shopify-access-token": token });

export async function gql<T>(client: Client, query: string, variables: Record<string, unknown>): Promise<T> {
  const r = await client.call<{ data?: T }>({ method: "POST", path: "graphql.json", json: { query, variables } });
  if (!r.body?.data) throw new ProviderError("retry_later", "Shopify answered without data");
  return r.body.data;
}

interface UserError {
  field?: string[] | null;
  message: string;
  code?: string | null;
}

function refuseOn(errors: UserError[] | undefined, what: string) {
  if (errors?.length) {
    throw new ProviderError("bad_request", `Shopify refused ${what}: ${errors.map((e) => e.message).join("; ")}`);
  }
}

export const gid = (type: string, id: string) => (id.startsWith("gid://") ? id : `gid://shopify/${type}/${id}`);

export async function findDiscount(client: Client, code: string): Promise<string | null> {
  const d = await gql<{ codeDiscountNodeByCode: { id: string } | null }>(
    client,
    "query($code: String!) { codeDiscountNodeByCode(code: $code) { id } }",
    { code },
  );
  return d.codeDiscountNodeByCode?.id ?? null;
}

export async function createDiscount(client: Client, p: {
  code: string;
  percent: number;
  title?: string;
  starts_at?: string;
  ends_at?: string;
  usage_limit?: number;
  once_per_customer?: boolean;
}, now: Date): Promise<string> {
  const d = await gql<
    { discountCodeBasicCreate: { codeDiscountNode: { id: string } | null; userErrors: UserError[] } }
  >(
    client,
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

export async function findGiftCard(
  client: Client,
  code: string,
): Promise<{ id: string; lastCharacters: string } | null> {
  const d = await gql<{ giftCards: { nodes: { id: string; lastCharacters: string }[] } }>(
    client,
    "query($q: String!) { giftCards(first: 1, query: $q) { nodes { id lastCharacters } } }",
    { q: code },
  );
  return d.giftCards.nodes[0] ?? null;
}

export async function createGiftCard(client: Client, p: {
  code: string;
  amount: string;
  note?: string;
  expiresOn?: string;
  customerGid?: string;
}): Promise<{ id: string; lastCharacters: string }> {
  const d = await gql<
    { giftCardCreate: { giftCard: { id: string; lastCharacters: string } | null; userErrors: UserError[] } }
  >(
    client,
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

export interface ShopifyProduct {
  id: string;
  title: string;
  status: string;
  variant: { id: string; price: string } | null;
}

export async function readProduct(client: Client, productId: string, variantId: string): Promise<ShopifyProduct> {
  const d = await gql<
    {
      product: { id: string; title: string; status: string } | null;
      productVariant: { id: string; price: string } | null;
    }
  >(
    client,
    "query($p: ID!, $v: ID!) { product(id: $p) { id title status } productVariant(id: $v) { id price } }",
    { p: gid("Product", productId), v: gid("ProductVariant", variantId) },
  );
  if (!d.product) throw new ProviderError("bad_request", `Shopify has no product ${productId}`);
  return { ...d.product, variant: d.productVariant };
}

export async function updateProduct(client: Client, productId: string, fields: { title?: string; status?: string }) {
  const d = await gql<{ productUpdate: { product: { id: string } | null; userErrors: UserError[] } }>(
    client,
    `mutation($product: ProductUpdateInput!) { productUpdate(product: $product) { product { id } userErrors { field message } } }`,
    { product: { id: gid("Product", productId), ...fields } },
  );
  refuseOn(d.productUpdate.userErrors, "the product change");
}

export async function updateVariantPrice(client: Client, productId: string, variantId: string, price: string) {
  const d = await gql<
    { productVariantsBulkUpdate: { productVariants: { id: string; price: string }[] | null; userErrors: UserError[] } }
  >(
    client,
    `mutation($p: ID!, $v: [ProductVariantsBulkInput!]!) {
      productVariantsBulkUpdate(productId: $p, variants: $v) { productVariants { id price } userErrors { field message } }
    }`,
    { p: gid("Product", productId), v: [{ id: gid("ProductVariant", variantId), price }] },
  );
  refuseOn(d.productVariantsBulkUpdate.userErrors, "the price change");
}
