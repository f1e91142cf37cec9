// Token estimates without a tokenizer: words count one token per five letters (at least one),
// digit runs one per three digits, every other visible character one. For English this is a
// little above what OpenAI's cl100k tokenizer counts, which is the safe side for API limits.
const PIECE = /[A-Za-z\u00C0-\u024F]+|[0-9]+|[^\sA-Za-z0-9\u00C0-\u024F]/g;

export function estimateTokens(text: string): number {
  let n = 0;
  for (const m of text.matchAll(PIECE)) {
    const s = m[0];
    if (/^[0-9]/.test(s)) n += Math.ceil(s.length / 3);
    else if (/^[A-Za-z\u00C0-\u024F]/.test(s)) n += Math.max(1, Math.ceil(s.length / 5));
    else n += 1;
  }
  return n;
}
