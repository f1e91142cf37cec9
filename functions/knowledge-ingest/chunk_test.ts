import { assertEquals } from "../_shared/assert.ts";
import { estimateTokens } from "../_shared/tokens.ts";
import { chunkText, sections } from "./chunk.ts";
import { decodeEntities, htmlTitle, htmlToText, markdownToText, normalizeText } from "./normalize.ts";

const assert = (ok: boolean, msg = "") => assertEquals(ok, true, msg);

const para = (word: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${word} sentence number ${i} ends here.`).join(" ");

Deno.test("every chunk stays within maxTokens, heading included", () => {
  const text = `# Long section\n\n${para("alpha", 60)}\n\n${para("beta", 40)}\n\n# Short\n\nOne line.`;
  const chunks = chunkText(text, { maxTokens: 120, overlapTokens: 20 });
  assert(chunks.length > 4, `expected several chunks, got ${chunks.length}`);
  for (const c of chunks) {
    assert(c.token_count <= 120, `chunk of ${c.token_count} tokens`);
    assertEquals(c.token_count, estimateTokens(c.content));
  }
  assertEquals(chunks.at(-1)!.content, "# Short\n\nOne line.");
  assertEquals(chunks.at(-1)!.metadata, { heading: "Short" });
  for (const c of chunks.slice(0, -1)) {
    assert(c.content.startsWith("# Long section\n\n"), "each chunk starts with its heading");
  }
});

Deno.test("consecutive chunks of a section overlap by their last sentences", () => {
  const chunks = chunkText(para("gamma", 50), { maxTokens: 100, overlapTokens: 25 });
  assert(chunks.length >= 3);
  for (let i = 1; i < chunks.length; i++) {
    const prevLast = chunks[i - 1].content.split(/(?<=\.)\s+/).at(-1)!;
    assert(chunks[i].content.includes(prevLast), `chunk ${i} repeats "${prevLast}"`);
  }
  const none = chunkText(para("gamma", 50), { maxTokens: 100, overlapTokens: 0 });
  const sentencesIn = (cs: { content: string }[]) =>
    cs.map((c) => c.content.split(/(?<=\.)\s+/).length).reduce((a, b) => a + b);
  assertEquals(sentencesIn(none), 50, "without overlap every sentence appears once");
});

Deno.test("editing one section leaves the other sections' chunks identical", () => {
  const doc = (middle: string) =>
    `# One\n\n${para("one", 30)}\n\n# Two\n\n${middle}\n\n# Three\n\n${para("three", 30)}`;
  const before = chunkText(doc(para("two", 30)), { maxTokens: 150, overlapTokens: 30 });
  const after = chunkText(doc(para("two", 31) + " A new closing sentence."), { maxTokens: 150, overlapTokens: 30 });
  const of = (cs: { content: string }[], h: string) => cs.filter((c) => c.content.startsWith(h)).map((c) => c.content);
  assertEquals(of(after, "# One"), of(before, "# One"));
  assertEquals(of(after, "# Three"), of(before, "# Three"));
  assert(of(after, "# Two").join() !== of(before, "# Two").join());
});

Deno.test("a sentence longer than a chunk is split by words", () => {
  const long = Array.from({ length: 400 }, (_, i) => `w${i}`).join(" ");
  const chunks = chunkText(long, { maxTokens: 60, overlapTokens: 0 });
  assert(chunks.length > 5);
  for (const c of chunks) assert(c.token_count <= 60);
  assertEquals(chunks.map((c) => c.content).join(" "), long);
});

Deno.test("sections split at heading lines only", () => {
  assertEquals(sections("intro\n\n# A\ntext a\n\n## B\n\ntext b"), [
    { paragraphs: ["intro"] },
    { heading: "# A", paragraphs: ["text a"] },
    { heading: "## B", paragraphs: ["text b"] },
  ]);
});

Deno.test("HTML becomes text with headings, list items and entities, without scripts or navigation", () => {
  const html = `<html><head><title>Serum &amp; Co</title><style>p{}</style></head><body><nav>Menu</nav>
    <h2>Use <em>daily</em></h2><p>Apply&nbsp;3 drops &ndash; mornings.<br>Then wait.</p>
    <ul><li>Vegan</li><li>Fragrance &#8203;free</li></ul><script>alert(1)</script><!-- hidden --></body></html>`;
  assertEquals(htmlTitle(html), "Serum & Co");
  assertEquals(
    htmlToText(html),
    "## Use daily\n\nApply 3 drops \u2013 mornings.\nThen wait.\n\n- Vegan\n- Fragrance free",
  );
});

Deno.test("markdown keeps its text, loses link targets and images", () => {
  assertEquals(
    markdownToText("See [our policy](https://x.test/p) ![logo](l.png)\r\n\r\n\r\n\r\nEnd  "),
    "See our policy logo\n\nEnd",
  );
});

Deno.test("normalisation: NFC, no control characters, at most one blank line", () => {
  assertEquals(normalizeText("Cafe\u0301\u0007 \t x\n\n\n\ny\u200b"), "Caf\u00e9 x\n\ny");
  assertEquals(decodeEntities("&#x41;&#66;&unknown;&lt;"), "AB&unknown;<");
});
