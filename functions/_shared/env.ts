// Configuration from the environment Supabase's edge runtime gives every function (current key
// model): SUPABASE_URL, SUPABASE_DB_URL, SUPABASE_JWKS, SUPABASE_SECRET_KEYS (and the legacy
// SUPABASE_SERVICE_ROLE_KEY while it exists). Read and validated once.
import type { JSONWebKeySet } from "jose";
import { z } from "zod";
import type { AuthConfig } from "./auth.ts";

export interface FunctionEnv {
  supabaseUrl: string;
  dbUrl: string;
  auth: AuthConfig;
}

const Jwk = z.object({ kty: z.string() }).passthrough();
const Jwks = z.union([z.object({ keys: z.array(Jwk) }), z.array(Jwk).transform((keys) => ({ keys }))]);
const KeyMap = z.record(z.string(), z.string().min(1));

function parseJson<T>(name: string, raw: string, schema: z.ZodType<T>): T {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    throw new Error(`environment variable ${name} is not valid JSON`);
  }
  const r = schema.safeParse(v);
  if (!r.success) throw new Error(`environment variable ${name} is not valid: ${r.error.issues[0]?.message}`);
  return r.data;
}

export function readEnv(get: (k: string) => string | undefined): FunctionEnv {
  const need = (k: string) => {
    const v = get(k);
    if (!v) throw new Error(`environment variable ${k} is not set`);
    return v;
  };
  const secretKeys = Object.values(parseJson("SUPABASE_SECRET_KEYS", get("SUPABASE_SECRET_KEYS") ?? "{}", KeyMap));
  const legacy = get("SUPABASE_SERVICE_ROLE_KEY");
  const serviceKeys = [...secretKeys, ...(legacy ? [legacy] : [])];
  if (!serviceKeys.length) throw new Error("environment variable SUPABASE_SECRET_KEYS is not set");
  return {
    supabaseUrl: need("SUPABASE_URL"),
    dbUrl: need("SUPABASE_DB_URL"),
    auth: { jwks: parseJson("SUPABASE_JWKS", need("SUPABASE_JWKS"), Jwks) as JSONWebKeySet, serviceKeys },
  };
}

let cached: FunctionEnv | undefined;
export function env(): FunctionEnv {
  return (cached ??= readEnv((k) => Deno.env.get(k)));
}
