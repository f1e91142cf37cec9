// A storefront visitor's supabase-js client: the publishable key only (anon), from one client
// address. The gateway forwards X-Forwarded-For, which the rate limits key on.
import { randomInt } from "node:crypto";
import { createClient } from "@supabase/supabase-js";
import WebSocket from "ws";
import type { Database } from "../../types/database.ts";
import type { Client } from "./api.ts";
import { anonKey, api } from "./stack.ts";

/** A random documentation-range address (198.18.0.0/15), so reruns never share a rate-limit window. */
export function randomIp(): string {
  return `198.${18 + randomInt(2)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

export async function visitorClient(ip = randomIp()): Promise<Client> {
  return createClient<Database>(api, await anonKey(), {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { headers: { "x-forwarded-for": ip } },
    // supabase-js on Node 20 needs a WebSocket implementation for Realtime.
    realtime: { transport: WebSocket as never },
  });
}
