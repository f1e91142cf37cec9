// supabase-js clients against the running gateway, the way frontends and servers make them:
// the publishable key plus a user's access token (the `accessToken` option), the publishable
// key alone (anon: storefront widgets, logged-out visitors), or the secret key (a server).
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import WebSocket from "ws";
import type { Database } from "../../types/database.ts";
import type postgres from "postgres";
import { api, anonKey, serviceKey, workspaceWithRoles } from "./stack.ts";

export type Client = SupabaseClient<Database>;

const options = {
  auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  // supabase-js on Node 20 needs a WebSocket implementation for Realtime.
  realtime: { transport: WebSocket as never },
};

/** A signed-in user's client: publishable key + their access token. */
export async function userClient(jwt: string): Promise<Client> {
  return createClient<Database>(api, await anonKey(), { ...options, accessToken: async () => jwt });
}

/** The anon client: publishable key only. */
export async function anonClient(): Promise<Client> {
  return createClient<Database>(api, await anonKey(), options);
}

/** A server's client: the secret key (service_role; bypasses RLS). */
export async function serviceClient(): Promise<Client> {
  return createClient<Database>(api, await serviceKey(), options);
}

export interface Team {
  ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
  owner: Client;
  admin: Client;
  member: Client;
  viewer: Client;
  /** A member of another workspace. */
  outsider: Client;
  anon: Client;
  service: Client;
}

/** A fresh workspace with one client per role, an outsider from another workspace, anon and the service. */
export async function team(sql: postgres.Sql): Promise<Team> {
  const ws = await workspaceWithRoles(sql);
  const other = await workspaceWithRoles(sql);
  return {
    ws,
    owner: await userClient(ws.people.owner.jwt),
    admin: await userClient(ws.people.admin.jwt),
    member: await userClient(ws.people.member.jwt),
    viewer: await userClient(ws.people.viewer.jwt),
    outsider: await userClient(other.people.member.jwt),
    anon: await anonClient(),
    service: await serviceClient(),
  };
}
