// Token-bounded chunks with overlap. The text is cut into sections at heading lines ("# ...");
// each section's paragraphs are packed into chunks of at most maxTokens (a long paragraph is
// split by sentences, a long sentence by words), and each chunk after the first of a section
// starts with the last sentences (up to overlapTokens) of the one before. Every chunk of a
// headed section starts with its heading. Sections are chunked independently, so editing one
// section leaves the chunks (and embeddings) of the others unchanged.
import { estimateTokens } from "../_shared/tokens.ts";

export interface ChunkOptions {
  maxTokens: number;
  overlapTokens: number;
}

export interface Chunk {
  content: string;
  token_count: number;
  metadata: { heading?: string };
}

export const DEFAULT_CHUNKING: ChunkOptions = { maxTokens: 300, overlapTokens: 40 };

interface Section {
  heading?: string;
  paragraphs: string[];
}

export function sections(text: string): Section[] {
  const out: Section[] = [];
  let cur: Section = { paragraphs: [] };
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split("\n");
    let buf: string[] = [];
    const flush = () => {
      const p = buf.join("\n").trim();
      if (p) cur.paragraphs.push(p);
      buf = [];
    };
    for (const line of lines) {
      if (/^#{1,6}\s+\S/.test(line)) {
        flush();
        if (cur.heading || cur.paragraphs.length) out.push(cur);
        cur = { heading: line.trim(), paragraphs: [] };
      } else {
        buf.push(line);
      }
    }
    flush();
  }
  if (cur.heading || cur.paragraphs.length) out.push(cur);
  return out;
}

function sentences(p: string): string[] {
  return p.split(/(?<=[.!?。])\s+(?=\S)/).map((s) => s.trim()).filter(Boolean);
}

/** Pieces of at most max tokens: sentences, or runs of words for a sentence that is too long. */
function pieces(paragraph: string, max: number): string[] {
  if (estimateTokens(paragraph) <= max) return [paragraph];
  const out: string[] = [];
  for (const s of sentences(paragraph)) {
    if (estimateTokens(s) <= max) {
      out.push(s);
      continue;
    }
    let run: string[] = [];
    for (const w of s.split(/\s+/)) {
      if (run.length && estimateTokens([...run, w].join(" ")) > max) {
        out.push(run.join(" "));
        run = [];
      }
      run.push(w);
    }
    if (run.length) out.push(run.join(" "));
  }
  return out;
}

/** The last sentences of a chunk body that fit in n tokens (nothing when n is 0). */
function tail(body: string, n: number): string {
  if (n <= 0) return "";
  const ss = sentences(body.replace(/\n+/g, " "));
  const kept: string[] = [];
  for (let i = ss.length - 1; i >= 0; i--) {
    if (estimateTokens([ss[i], ...kept].join(" ")) > n) break;
    kept.unshift(ss[i]);
  }
  // never repeat the whole previous chunk
  return kept.length === ss.length ? "" : kept.join(" ");
}

export function chunkText(text: string, opts: ChunkOptions = DEFAULT_CHUNKING): Chunk[] {
  const out: Chunk[] = [];
  for (const sec of sections(text)) {
    const headTokens = sec.heading ? estimateTokens(sec.heading) + 1 : 0;
    const room = Math.max(20, opts.maxTokens - headTokens);
    const overlap = Math.min(opts.overlapTokens, Math.floor(room / 2));
    const bodies: string[] = [];
    let carry = ""; // the overlap carried over from the previous chunk
    let body: string[] = []; // this chunk's new pieces
    let tokens = 0;
    for (const para of sec.paragraphs) {
      for (const piece of pieces(para, room - overlap)) {
        const t = estimateTokens(piece);
        if (body.length && tokens + t > room) {
          bodies.push([carry, ...body].filter(Boolean).join("\n\n"));
          carry = tail(body.join("\n\n"), overlap);
          body = [];
          tokens = carry ? estimateTokens(carry) : 0;
        }
        body.push(piece);
        tokens += t;
      }
    }
    if (body.length) bodies.push([carry, ...body].filter(Boolean).join("\n\n"));
    if (!bodies.length && sec.heading) bodies.push("");
    for (const body of bodies) {
      const content = sec.heading ? (body ? `${sec.heading}\n\n${body}` : sec.heading) : body;
      if (!content.trim()) continue;
      out.push({
        content,
        token_count: estimateTokens(content),
        metadata: sec.heading ? { heading: sec.heading.replace(/^#+\s*/, "") } : {},
      });
    }
  }
  return out;
}
