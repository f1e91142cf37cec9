// One gift card issued in Shopify, exactly once (queue shopify_gift_cards, key gift-card:<id>):
//   1. intent: the code we will give the card is recorded encrypted (with its last four
//      characters) before any call; an earlier attempt's code wins, so every attempt offers the same
//   2. when an earlier attempt may have reached Shopify (call_started_at), ask first: a gift card
//      with those last characters and our note is the one we made, recorded without a second call
//   3. call_started_at committed on its own, then giftCardCreate with our code and note; a
//      "code taken" answer means an earlier call went through after all: look it up again
//   4. issued: Shopify's id and last four characters, and the email queued for the sender
// The code is never stored in plain text and never logged.
import type { ClaimedJob, JobReport } from "../_shared/connector_jobs.ts";
import { decryptToken, encryptToken, type KeyRing } from "../_shared/crypto.ts";
import { asService, type Sql } from "../_shared/db.ts";
import { ProviderError } from "../_shared/providers/http.ts";
import { gidId, type ShopifyGraphQL, userErrors } from "../_shared/providers/shopify.ts";

export interface GiftCardDeps {
  sql: Sql;
  gql: ShopifyGraphQL;
  ring: KeyRing;
}

type Job = ClaimedJob<{ transaction_id: string }, Record<string, unknown>>;

interface Intent {
  state: "issue" | "settled";
  transaction_id: string;
  amount_cents: string | number | null;
  currency: string | null;
  shopify_order_id: string | null;
  shopify_customer_id: string | null;
  code_ciphertext: string | null;
  last_characters: string | null;
  call_started_at: Date | null;
}

interface CardNode {
  id: string;
  lastCharacters: string;
  note: string | null;
}

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I

/** A 16-character code from a cryptographic source. */
export function newGiftCardCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
}

/** The note that identifies our card in Shopify (what the reconciliation matches). */
export const giftCardNote = (transactionId: string) => `growthbase gift card ${transactionId}`;

const SEARCH = `query Cards($q: String!) {
  giftCards(first: 20, query: $q) { nodes { id lastCharacters note } }
}`;
const ORDER = `query Order($id: ID!) { order(id: $id) { email customer { id email } } }`;
const CREATE = `mutation Create($input: GiftCardCreateInput!) {
  giftCardCreate(input: $input) {
    giftCard { id lastCharacters note }
    userErrors { field message code }
  }
}`;

async function find(gql: ShopifyGraphQL, last: string, note: string): Promise<CardNode | null> {
  const r = await gql.query<{ giftCards: { nodes: CardNode[] } }>(SEARCH, { q: `last_characters:${last}` });
  return r.giftCards.nodes.find((n) => n.note === note) ?? null;
}

async function issued(d: GiftCardDeps, job: Job, card: CardNode, email: string | null): Promise<JobReport> {
  await asService(
    d.sql,
    (tx) =>
      tx`select private.gift_card_issued(${job.job_id}, ${job.lease_id}, ${
        gidId(card.id)
      }, ${card.lastCharacters}, ${email})`,
  );
  return { outcome: "done", providerRef: card.id, connection: { outcome: "ok" } };
}

export async function giftCardTurn(d: GiftCardDeps, job: Job): Promise<JobReport> {
  const fresh = newGiftCardCode();
  const ct = await encryptToken(d.ring, fresh);
  const [intent] = await asService(
    d.sql,
    (tx) =>
      tx`select * from private.gift_card_intent(${job.job_id}, ${job.lease_id}, ${ct}, ${d.ring.currentId}, ${
        fresh.slice(-4)
      })`,
  ) as unknown as Intent[];
  if (intent.state === "settled") return { outcome: "done" };
  const code = await decryptToken(d.ring, intent.code_ciphertext!);
  const note = giftCardNote(intent.transaction_id);

  // the order's email (the recipient) and its customer, from Shopify
  let email: string | null = null;
  let customerGid: string | null = intent.shopify_customer_id
    ? `gid://shopify/Customer/${intent.shopify_customer_id}`
    : null;
  if (intent.shopify_order_id) {
    const o = await d.gql.query<
      { order: { email: string | null; customer: { id: string; email: string | null } | null } | null }
    >(
      ORDER,
      { id: `gid://shopify/Order/${intent.shopify_order_id}` },
    );
    email = o.order?.email ?? o.order?.customer?.email ?? null;
    customerGid = o.order?.customer?.id ?? customerGid;
  }

  if (intent.call_started_at) {
    const found = await find(d.gql, intent.last_characters!, note);
    if (found) return await issued(d, job, found, email);
  }
  await asService(d.sql, (tx) => tx`select private.gift_card_call_started(${job.job_id}, ${job.lease_id})`);
  const amount = (Number(intent.amount_cents) / 100).toFixed(2);
  const r = await d.gql.query<{
    giftCardCreate: { giftCard: CardNode | null; userErrors: { field: string[]; message: string; code?: string }[] };
  }>(CREATE, {
    input: { initialValue: amount, code, note, ...(customerGid ? { customerId: customerGid } : {}) },
  }, 10);
  const errs = r.giftCardCreate.userErrors ?? [];
  if (errs.some((e) => e.code === "TAKEN" || /taken/i.test(e.message))) {
    const found = await find(d.gql, intent.last_characters!, note);
    if (found) return await issued(d, job, found, email);
    throw new ProviderError("bad_request", "Shopify says the card's code is taken by a card that is not ours");
  }
  const refused = userErrors(errs);
  if (refused) throw refused;
  if (!r.giftCardCreate.giftCard) {
    throw new ProviderError("retry_later", "Shopify answered giftCardCreate without a card");
  }
  return await issued(d, job, r.giftCardCreate.giftCard, email);
}
