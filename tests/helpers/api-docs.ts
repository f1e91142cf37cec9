// Reading docs/api.md the way a frontend developer reads it, for the checks that keep it equal to
// the catalog: every RPC it documents (table rows, `name(args)` and rpc('name', { ... }) in the
// text) with the arguments, return shape and error codes it promises; and its tables of
// column-level write grants and of embeds that need a hint.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../../scripts/lib/config.ts";

export interface DocumentedRpc {
  name: string;
  line: number;
  /** p_* names the text gives as arguments (non-p_ names are only checked for presence). */
  args: string[] | null;
  /** The text where the arguments were read, to check that every real argument is named. */
  argsText: string | null;
  /** 'object' (one row), 'array' ([...] or X[]), or null when the text does not say. */
  shape: "object" | "array" | null;
  /** SQLSTATEs / PostgREST codes the errors cell lists. */
  errors: string[] | null;
}

export const apiDocs = () => readFileSync(join(repoRoot, "docs/api.md"), "utf8");

const cells = (row: string) => row.trim().replace(/^\|/, "").replace(/\|$/, "").split(/(?<!\\)\|/).map((c) => c.trim());

/** The markdown tables: header cells and rows (each with its line number). */
export function tables(md: string): { header: string[]; rows: { cells: string[]; line: number }[]; line: number }[] {
  const lines = md.split("\n");
  const out: ReturnType<typeof tables> = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith("|") || !/^\|[\s|:-]+\|$/.test(lines[i + 1] ?? "")) continue;
    const t = { header: cells(lines[i]).map((h) => h.toLowerCase()), rows: [] as { cells: string[]; line: number }[], line: i + 1 };
    for (i += 2; i < lines.length && lines[i].startsWith("|"); i++) t.rows.push({ cells: cells(lines[i]), line: i + 1 });
    out.push(t);
  }
  return out;
}

const codesIn = (s: string) => [...new Set([...s.matchAll(/`((?:PT|PGRST)\d{3}|\d{2}[0-9A-Z]\d{2})`/g)].map((m) => m[1]))];
const pArgs = (s: string) => [...new Set([...s.matchAll(/\bp_[a-z0-9_]+/g)].map((m) => m[0]))];

function shapeOf(s: string): DocumentedRpc["shape"] {
  if (/^one\b|\bone `[a-z_]+`/.test(s.trim())) return "object";
  if (/^`?\[|\[\]`?|^\[/.test(s.trim()) || /`[a-z_]+\[\]`/.test(s)) return "array";
  return null;
}

/** Every RPC the document describes, where it describes it. */
export function documentedRpcs(md: string, isRpc: (name: string) => boolean): DocumentedRpc[] {
  const found: DocumentedRpc[] = [];
  for (const t of tables(md)) {
    if (t.header[0] !== "rpc") continue;
    const col = (re: RegExp) => t.header.findIndex((h) => re.test(h));
    const [argsCol, returnsCol, errorsCol] = [col(/^arguments/), col(/^returns/), col(/^errors/)];
    let previous: string[] = [];
    for (const r of t.rows) {
      const m = r.cells[0].match(/^`([a-z_0-9]+)(\((.*)\))?`?/);
      if (!m || !isRpc(m[1])) continue;
      const argsText = m[2] !== undefined ? m[3] : argsCol >= 0 ? r.cells[argsCol] : null;
      found.push({
        name: m[1],
        line: r.line,
        args: argsText === null ? null : pArgs(argsText),
        argsText,
        shape: returnsCol >= 0 ? shapeOf(r.cells[returnsCol]) : null,
        // "as above": the previous row's codes too
        errors: errorsCol >= 0
          ? [...new Set([...codesIn(r.cells[errorsCol]), ...(/as above/.test(r.cells[errorsCol]) ? previous : [])])]
          : null,
      });
      previous = found.at(-1)!.errors ?? [];
    }
  }
  // In the text: rpc('name', { p_a, p_b? }) and `name(p_a, p_b)`.
  const lines = md.split("\n");
  lines.forEach((l, i) => {
    for (const m of l.matchAll(/rpc\('([a-z_0-9]+)', \{([^}]*)\}\)/g)) {
      if (isRpc(m[1])) found.push({ name: m[1], line: i + 1, args: pArgs(m[2]), argsText: m[2], shape: null, errors: null });
    }
    // (an RPC table's first cell was read above)
    const text = l.startsWith("|") && found.some((f) => f.line === i + 1) ? cells(l).slice(1).join(" | ") : l;
    for (const m of text.matchAll(/`([a-z_0-9]+)\(((?:p_[a-z0-9_]+[^`)]*)?)\)`/g)) {
      if (isRpc(m[1])) found.push({ name: m[1], line: i + 1, args: pArgs(m[2]), argsText: m[2], shape: null, errors: null });
    }
  });
  return found;
}

/** The rows of the table whose header starts with the given cells, as arrays of cells. */
export function tableRows(md: string, ...header: string[]): { cells: string[]; line: number }[] {
  const t = tables(md).find((x) => header.every((h, i) => x.header[i] === h.toLowerCase()));
  if (!t) throw new Error(`docs/api.md has no table with the header ${header.join(" | ")}`);
  return t.rows;
}

/** `a`, `b, c` -> [a, b, c]: the backticked names of a cell. */
export const namesIn = (cell: string) =>
  cell.includes("`") ? [...cell.matchAll(/`([^`]+)`/g)].flatMap((m) => m[1].split(/,\s*/)).map((s) => s.trim()) : [];
