// A bulk operation's JSONL result, read as a stream and grouped into what the database applies:
// each top-level object (a product, customer or order line) with the child lines that follow it
// (variants and inventory levels, line items), each with its 1-based line number. Shopify writes
// a child after its parent; a child whose parent is not the object being read (or whose parent
// line could not be read) is out of order and rejected with its number, as is a line that is not
// a JSON object. Batches end at an object boundary, so the line a batch reached is where a
// resumed read starts.

export interface Line {
  line: number;
  node: Record<string, unknown>;
}

export interface BulkObject extends Line {
  children: Line[];
}

export interface Rejected {
  line: number;
  reason: string;
  excerpt: string;
}

export interface Batch {
  objects: BulkObject[];
  rejected: Rejected[];
  /** The first line not in this batch (where to resume); null at the end of the file. */
  nextLine: number | null;
  /** The byte offset where nextLine starts (a ranged read resumes there). */
  nextOffset: number | null;
  /** Lines of the file consumed up to the end of this batch. */
  linesSeen: number;
}

/**
 * The lines of a byte stream, split on \n (a trailing \r dropped), numbered from `firstLine`, each
 * with the byte offset where it starts (from `baseOffset`: a ranged read resumes mid-file).
 */
export async function* lines(
  body: ReadableStream<Uint8Array>,
  firstLine = 1,
  baseOffset = 0,
): AsyncGenerator<{ n: number; text: string; start: number }> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buf = new Uint8Array(0);
  let n = firstLine - 1;
  let offset = baseOffset; // where buf starts in the file
  const text = (b: Uint8Array) => decoder.decode(b[b.length - 1] === 13 ? b.subarray(0, b.length - 1) : b);
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const joined = new Uint8Array(buf.length + value.length);
    joined.set(buf);
    joined.set(value, buf.length);
    let from = 0;
    let i: number;
    while ((i = joined.indexOf(10, from)) >= 0) {
      n++;
      yield { n, text: text(joined.subarray(from, i)), start: offset + from };
      from = i + 1;
    }
    buf = joined.slice(from);
    offset += from;
  }
  if (buf.length && decoder.decode(buf).trim()) yield { n: n + 1, text: text(buf), start: offset };
}

/**
 * Groups numbered lines into batches of at most `maxObjects` objects (and `maxLines` lines),
 * skipping lines before `fromLine` (already applied by an earlier turn).
 */
export async function* batches(
  source: AsyncIterable<{ n: number; text: string; start: number }>,
  fromLine: number,
  maxObjects: number,
  maxLines = maxObjects * 20,
): AsyncGenerator<Batch> {
  let objects: BulkObject[] = [];
  let rejected: Rejected[] = [];
  let current: BulkObject | null = null;
  let ids = new Set<string>();
  let inBatch = 0;
  let last = fromLine - 1;
  const reject = (line: number, reason: string, text: string) =>
    rejected.push({ line, reason, excerpt: text.slice(0, 300) });
  for await (const { n, text, start } of source) {
    if (n < fromLine) continue;
    last = n;
    if (!text.trim()) continue;
    let node: unknown;
    try {
      node = JSON.parse(text);
    } catch {
      reject(n, "malformed JSON", text);
      inBatch++;
      continue;
    }
    if (typeof node !== "object" || node === null || Array.isArray(node)) {
      reject(n, "not a JSON object", text);
      inBatch++;
      continue;
    }
    const o = node as Record<string, unknown>;
    const parent = o.__parentId;
    if (parent !== undefined) {
      if (current && typeof parent === "string" && ids.has(parent)) {
        current.children.push({ line: n, node: o });
        if (typeof o.id === "string") ids.add(o.id);
      } else {
        reject(n, `out of order: its parent ${String(parent).slice(0, 80)} is not the object before it`, text);
      }
      inBatch++;
      continue;
    }
    // a new top-level object: the one before it is complete
    if (current) objects.push(current);
    if (objects.length >= maxObjects || inBatch >= maxLines) {
      yield { objects, rejected, nextLine: n, nextOffset: start, linesSeen: n - 1 };
      objects = [];
      rejected = [];
      inBatch = 0;
    }
    current = { line: n, node: o, children: [] };
    ids = new Set(typeof o.id === "string" ? [o.id] : []);
    inBatch++;
  }
  if (current) objects.push(current);
  if (objects.length || rejected.length || last >= fromLine) {
    yield { objects, rejected, nextLine: null, nextOffset: null, linesSeen: last };
  }
}
