// Configuration from the environment the Supabase edge runtime gives every function.
export interface FunctionEnv {
  supabaseUrl: string;
  dbUrl: string;
  jwtSecret: string;
}

export function readEnv(get: (k: string) => string | undefined): FunctionEnv {
  const need = (k: string) => {
    const v = get(k);
    if (!v) throw new Error(`environment variable ${k} is not set`);
    return v;
  };
  return {
    supabaseUrl: need("SUPABASE_URL"),
    dbUrl: need("SUPABASE_DB_URL"),
    jwtSecret: need("SUPABASE_JWT_SECRET"),
  };
}

let cached: FunctionEnv | undefined;
export function env(): FunctionEnv {
  return (cached ??= readEnv((k) => Deno.env.get(k)));
}
