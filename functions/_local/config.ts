// Reads the [functions.<name>] sections of supabase/config.toml (the keys the local server needs).
export interface FunctionSetting {
  verifyJwt: boolean;
}

export function functionSettings(toml: string): Map<string, FunctionSetting> {
  const out = new Map<string, FunctionSetting>();
  let current: string | null = null;
  for (const raw of toml.split("\n")) {
    const line = raw.replace(/#.*$/, "").trim();
    const section = line.match(/^\[(.+)\]$/);
    if (section) {
      const fn = section[1].match(/^functions\.("?)([A-Za-z0-9_-]+)\1$/);
      current = fn ? fn[2] : null;
      if (current && !out.has(current)) out.set(current, { verifyJwt: true });
      continue;
    }
    const kv = line.match(/^verify_jwt\s*=\s*(true|false)$/);
    if (current && kv) out.get(current)!.verifyJwt = kv[1] === "true";
  }
  return out;
}
