// docs/api.md's helper for reading an edge function's error through supabase-js, as a frontend
// copies it (the docs-vs-catalog test checks the two are the same code). supabase-js turns every
// non-2xx answer into a FunctionsHttpError whose message says only that; our functions answer
// { error: { code, message, details? } } in the body, which error.context (the Response) holds.
import { FunctionsHttpError } from "@supabase/supabase-js";

/** An edge function's error as our functions send it: { error: { code, message, details? } }. */
export async function functionError(error: unknown): Promise<{ status: number; code: string; message: string; details?: unknown }> {
  if (error instanceof FunctionsHttpError) {
    const body = await error.context.json().catch(() => null);
    const e = body?.error ?? {};
    return { status: error.context.status, code: e.code ?? "unknown", message: e.message ?? error.message, details: e.details };
  }
  return { status: 0, code: "network", message: error instanceof Error ? error.message : String(error) };
}
