// Text, markdown and HTML become one normalised text: NFC, \n line ends, no control characters,
// no trailing spaces, at most one blank line in a row. HTML keeps its structure as markdown-ish
// lines (headings become "# ..." lines, list items "- ...") so the chunker can split by section.

export type SourceFormat = "text" | "markdown" | "html";

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "\u2013",
  mdash: "\u2014",
  hellip: "\u2026",
  rsquo: "\u2019",
  lsquo: "\u2018",
  rdquo: "\u201d",
  ldquo: "\u201c",
  copy: "\u00a9",
  reg: "\u00ae",
  trade: "\u2122",
  euro: "\u20ac",
  pound: "\u00a3",
  deg: "\u00b0",
  middot: "\u00b7",
  bull: "\u2022",
  times: "\u00d7",
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/** Whitespace and Unicode clean-up shared by every format. */
export function normalizeText(s: string): string {
  return s.normalize("NFC")
    .replace(/\r\n?/g, "\n")
    // deno-lint-ignore no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\ufeff]/g, "")
    .replace(/\t/g, " ")
    .replace(/\u00a0/g, " ")
    .replace(/[ ]+\n/g, "\n")
    .replace(/[ ]{2,}/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The <title> of an HTML page, if any. */
export function htmlTitle(html: string): string | undefined {
  const m = html.match(/<title[^>]*>([\s\S]*?)<\/title>/i);
  const t = m ? normalizeText(decodeEntities(m[1].replace(/<[^>]+>/g, ""))).replace(/\n/g, " ") : "";
  return t || undefined;
}

export function htmlToText(html: string): string {
  let s = html
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(script|style|noscript|template|svg|head|iframe|canvas)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<(nav|footer|aside)\b[\s\S]*?<\/\1\s*>/gi, " ");
  s = s.replace(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi, (_m, level: string, inner: string) => {
    const text = inner.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
    return text ? `\n\n${"#".repeat(Number(level))} ${text}\n\n` : "\n\n";
  });
  s = s
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<li\b[^>]*>/gi, "\n- ")
    .replace(
      /<\/?(p|div|section|article|main|header|ul|ol|table|tr|blockquote|pre|figure|figcaption|dl|dt|dd|form|fieldset)\b[^>]*>/gi,
      "\n\n",
    )
    .replace(/<\/(td|th)\s*>/gi, " ")
    .replace(/<[^>]+>/g, "");
  s = decodeEntities(s);
  // inline whitespace inside a paragraph collapses; line structure stays
  s = s.split("\n").map((l) => l.replace(/\s+/g, " ").trim()).join("\n");
  return normalizeText(s);
}

export function markdownToText(md: string): string {
  return normalizeText(
    md.replace(/<!--[\s\S]*?-->/g, "")
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1"),
  );
}

export function normalize(content: string, format: SourceFormat): string {
  if (format === "html") return htmlToText(content);
  if (format === "markdown") return markdownToText(content);
  return normalizeText(content);
}
