// The three bulk queries of a backfill, in the order a run takes them: the catalog first (so
// orders' line items find their variants), then customers, then orders with their line items.
// A bulk query has one top-level connection; nested connections become child lines with
// __parentId (variants under products, inventory levels under variants, line items under orders).

export const PHASES = ["products", "customers", "orders"] as const;
export type Phase = typeof PHASES[number];

export const BULK_QUERIES: Record<Phase, string> = {
  products: `{
  products {
    edges { node {
      id title status updatedAt
      variants { edges { node {
        id title sku price updatedAt
        inventoryItem { id tracked unitCost { amount }
          inventoryLevels { edges { node {
            id updatedAt location { id name }
            quantities(names: ["available", "on_hand"]) { name quantity }
          } } }
        }
      } } }
    } }
  }
}`,
  customers: `{
  customers {
    edges { node {
      id email phone updatedAt
      emailMarketingConsent { marketingState }
    } }
  }
}`,
  orders: `{
  orders {
    edges { node {
      id name email phone createdAt processedAt cancelledAt updatedAt currencyCode sourceName
      displayFinancialStatus displayFulfillmentStatus
      customer { id }
      customAttributes { key value }
      customerJourneySummary { firstVisit { landingPage referrerUrl } }
      subtotalPriceSet { shopMoney { amount } }
      totalDiscountsSet { shopMoney { amount } }
      totalTaxSet { shopMoney { amount } }
      totalShippingPriceSet { shopMoney { amount } }
      totalPriceSet { shopMoney { amount } }
      totalRefundedSet { shopMoney { amount } }
      lineItems { edges { node {
        id sku title quantity
        variant { id } product { id }
        originalUnitPriceSet { shopMoney { amount } }
      } } }
    } }
  }
}`,
};

export const RUN_BULK = `mutation RunBulk($query: String!) {
  bulkOperationRunQuery(query: $query) {
    bulkOperation { id status }
    userErrors { field message code }
  }
}`;

export const CURRENT_BULK = `{ currentBulkOperation { id status query errorCode url createdAt } }`;

export const BULK_BY_ID = `query Bulk($id: ID!) {
  node(id: $id) { ... on BulkOperation { id status errorCode objectCount url partialDataUrl } }
}`;

export type BulkStatus = "CREATED" | "RUNNING" | "COMPLETED" | "CANCELING" | "CANCELED" | "FAILED" | "EXPIRED";

export interface BulkOperation {
  id: string;
  status: BulkStatus;
  errorCode?: string | null;
  url?: string | null;
  query?: string;
  objectCount?: string;
}

/** Whitespace-insensitive comparison of query texts (adopting our own operation after a crash). */
export const sameQuery = (a: string | undefined, b: string) =>
  (a ?? "").replace(/\s+/g, " ").trim() === b.replace(/\s+/g, " ").trim();
