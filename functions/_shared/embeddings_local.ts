// local-lexical-v1: a deterministic lexical embedding (feature-hashed words and word pairs into
// 1536 dimensions). Not semantic: texts are close when they share words. It lets the stack run
// offline and tests run without a key; the SQL twin private.local_lexical_embedding() (migration
// 20261124140000) follows the same recipe step by step, so vectors computed here and in the
// database agree.
import { createHash } from "node:crypto";

export const LOCAL_DIMENSIONS = 1536;

// deno-fmt-ignore
export const STOPWORDS = new Set([
  "a", "about", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can",
  "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "how", "i", "if", "in", "into", "is", "it",
  "its", "me", "my", "no", "not", "of", "on", "or", "our", "she", "so", "than", "that", "the", "their", "them",
  "then", "there", "these", "they", "this", "to", "us", "was", "we", "were", "what", "when", "where", "which",
  "who", "why", "will", "with", "you", "your",
]);

/** Step 1-3 of the recipe: the words that count, stemmed. */
export function lexicalTerms(text: string): string[] {
  const words = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9]+/g, " ").toLowerCase()
    .split(" ");
  const out: string[] = [];
  for (const w of words) {
    if (w === "" || (w.length < 2 && !/^[0-9]$/.test(w)) || STOPWORDS.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

function stem(w: string): string {
  if (w.length >= 5 && w.endsWith("ies")) return w.slice(0, -3) + "y";
  if (w.length >= 5 && w.endsWith("ing")) return w.slice(0, -3);
  if (w.length >= 4 && w.endsWith("ed")) return w.slice(0, -2);
  if (w.length >= 4 && w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

/** The unit-length 1536-dimension vector of a text. */
export function localLexicalEmbedding(text: string): number[] {
  const terms = lexicalTerms(text);
  const feats = new Map<string, { weight: number; n: number }>();
  const add = (key: string, weight: number) => {
    const f = feats.get(key);
    if (f) f.n++;
    else feats.set(key, { weight, n: 1 });
  };
  for (let i = 0; i < terms.length; i++) {
    add(`w:${terms[i]}`, 1);
    if (i + 1 < terms.length) add(`b:${terms[i]}_${terms[i + 1]}`, 0.5);
  }
  if (feats.size === 0) feats.set("empty:", { weight: 1, n: 1 });
  const v = new Float64Array(LOCAL_DIMENSIONS);
  for (const [key, f] of feats) {
    const h = createHash("sha256").update(key, "utf8").digest();
    const idx = h.readUInt32BE(0) % LOCAL_DIMENSIONS;
    const value = f.weight * (1 + Math.log(f.n));
    v[idx] += (h[4] & 1) === 1 ? -value : value;
  }
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  return Array.from(v, (x) => (norm > 0 ? Math.fround(x / norm) : 0));
}
