// postgres_changes filters as realtime-js sends them (LOCAL ONLY): "column=op.value" with the
// operators Supabase Realtime accepts (eq, neq, lt, lte, gt, gte, in), matched against a change's
// record as the subscriber sees it.
export interface Filter {
  column: string;
  op: "eq" | "neq" | "lt" | "lte" | "gt" | "gte" | "in";
  value: string;
}

/** The filter of a binding, null without one, "bad" when it is not one Realtime accepts. */
export function parseFilter(f: string | undefined): Filter | null | "bad" {
  if (!f) return null;
  const m = f.match(/^([A-Za-z_][A-Za-z0-9_]*)=(eq|neq|lt|lte|gt|gte|in)\.(.*)$/);
  return m ? { column: m[1], op: m[2] as Filter["op"], value: m[3] } : "bad";
}

/** Does the row pass the filter? (numbers compare as numbers, the rest as text) */
export function passes(f: Filter | null, row: Record<string, unknown>): boolean {
  if (!f) return true;
  const v = row[f.column];
  if (v === undefined || v === null) return false;
  const s = typeof v === "object" ? JSON.stringify(v) : String(v);
  const n = Number(s), m = Number(f.value);
  const cmp = Number.isFinite(n) && Number.isFinite(m) ? n - m : s.localeCompare(f.value);
  switch (f.op) {
    case "eq":
      return s === f.value;
    case "neq":
      return s !== f.value;
    case "lt":
      return cmp < 0;
    case "lte":
      return cmp <= 0;
    case "gt":
      return cmp > 0;
    case "gte":
      return cmp >= 0;
    case "in":
      return f.value.replace(/^\(|\)$/g, "").split(",").map((x) => x.trim()).includes(s);
  }
}
