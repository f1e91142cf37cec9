// The gateway as a frontend and a server meet it: API keys, user tokens, the JWKS, CORS.
import { afterAll, describe, expect, it } from "vitest";
import { anonClient, serviceClient, userClient } from "../helpers/api.ts";
import { anonKey, api, serviceKey, stackCli, superuser, userJwt, workspaceWithRoles } from "../helpers/stack.ts";
import { publicKeys } from "../../scripts/lib/keys.ts";
import { config } from "../helpers/stack.ts";

const sql = superuser();
afterAll(() => sql.end());

describe("/rest/v1 behind the gateway", () => {
  it("refuses a request without an apikey as the hosted gateway does", async () => {
    const r = await fetch(`${api}/rest/v1/workspaces`);
    expect(r.status).toBe(401);
    expect(await r.json()).toMatchObject({ message: "No API key found in request" });
  });

  it("refuses an unknown publishable or secret key", async () => {
    for (const k of ["sb_publishable_nope", "sb_secret_nope", "eyJhbGciOiJIUzI1NiJ9.e30.x"]) {
      const r = await fetch(`${api}/rest/v1/workspaces`, { headers: { apikey: k } });
      expect(r.status, k).toBe(401);
      expect(await r.json()).toEqual({ message: "Invalid API key" });
    }
  });

  it("maps the publishable key to anon and the secret key to service_role", async () => {
    const anon = await anonClient();
    const denied = await anon.from("workspaces").select("*");
    expect(denied.error?.code).toBe("42501");
    expect(denied.status).toBe(401);
    const service = await serviceClient();
    const all = await service.from("workspaces").select("id, slug").eq("slug", "demo-brand");
    expect(all.error).toBeNull();
    expect(all.data).toEqual([{ id: "10000000-0000-4000-8000-000000000001", slug: "demo-brand" }]);
  });

  it("passes a user's ES256 token through to PostgREST, which verifies it against the JWKS", async () => {
    const ws = await workspaceWithRoles(sql);
    const viewer = await userClient(ws.people.viewer.jwt);
    const { data, error } = await viewer.from("workspaces").select("id, name");
    expect(error).toBeNull();
    expect(data).toEqual([{ id: ws.id, name: `ws ${ws.tag}` }]);
  });

  it("refuses a tampered or expired user token with PGRST301/PGRST303", async () => {
    const ws = await workspaceWithRoles(sql);
    const tampered = ws.people.member.jwt.slice(0, -4) + "AAAA";
    const t = await (await userClient(tampered)).from("workspaces").select("id");
    expect(t.status).toBe(401);
    expect(t.error?.code).toBe("PGRST301");
    // PostgREST allows 30 s of clock skew on exp: two minutes past is expired.
    const expired = await userJwt(ws.people.member.id, ws.people.member.email, -120);
    const e = await (await userClient(expired)).from("workspaces").select("id");
    expect(e.status).toBe(401);
    expect(e.error?.code).toMatch(/^PGRST30[13]$/);
  });

  it("still accepts the legacy anon and service_role JWT keys", async () => {
    const k = await publicKeys(config);
    const anon = await fetch(`${api}/rest/v1/workspaces?select=id`, { headers: { apikey: k.anonKey } });
    expect(anon.status).toBe(401); // anon role reached PostgREST: no grant on workspaces
    const service = await fetch(`${api}/rest/v1/workspaces?select=slug&slug=eq.demo-brand`, { headers: { apikey: k.serviceRoleKey } });
    expect(service.status).toBe(200);
    expect(await service.json()).toEqual([{ slug: "demo-brand" }]);
  });

  it("refuses a body over 10 MiB with 413 before reading it whole, declared or streamed", async () => {
    const anon = await anonClient();
    const big = "x".repeat(10 * 1024 * 1024 + 1);
    const declared = await anon.rpc("upsert_orders", { p_workspace_id: crypto.randomUUID(), p_orders: [{ note: big }] });
    expect([declared.status, declared.error?.code]).toEqual([413, "PT413"]);
    // No Content-Length: the gateway counts the stream and cuts it off at the limit.
    const chunks = (n: number) => new ReadableStream<Uint8Array>({
      pull(c) {
        if (n-- <= 0) return c.close();
        c.enqueue(new Uint8Array(1024 * 1024).fill(32));
      },
    });
    const streamed = await fetch(`${api}/rest/v1/rpc/upsert_orders`, {
      method: "POST", body: chunks(11), duplex: "half", headers: { apikey: await anonKey(), "content-type": "application/json" },
    } as RequestInit);
    expect([streamed.status, (await streamed.json()).code]).toEqual([413, "PT413"]);
    const fn = await fetch(`${api}/functions/v1/webhooks/shopify`, { method: "POST", body: chunks(11), duplex: "half" } as RequestInit);
    expect([fn.status, (await fn.json()).error.code]).toEqual([413, "payload_too_large"]);
    const under = await fetch(`${api}/rest/v1/rpc/upsert_orders`, {
      method: "POST", body: chunks(1), duplex: "half", headers: { apikey: await anonKey(), "content-type": "application/json" },
    } as RequestInit);
    expect(under.status).toBe(400);
  });

  it("answers CORS preflights and exposes Content-Range to browsers", async () => {
    const pre = await fetch(`${api}/rest/v1/workspaces`, {
      method: "OPTIONS",
      headers: { origin: "http://127.0.0.1:3000", "access-control-request-method": "GET", "access-control-request-headers": "apikey, authorization, prefer" },
    });
    expect(pre.status).toBe(200);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-headers")).toBe("apikey, authorization, prefer");
    const r = await fetch(`${api}/rest/v1/workspaces?select=id`, {
      headers: { apikey: await serviceKey(), origin: "http://127.0.0.1:3000", prefer: "count=exact" },
    });
    expect(r.headers.get("access-control-allow-origin")).toBe("*");
    expect(r.headers.get("access-control-expose-headers")).toMatch(/Content-Range/i);
    expect(r.headers.get("content-range")).toMatch(/^0-\d+\/\d+$/);
  });
});

describe("/auth/v1/.well-known/jwks.json", () => {
  it("serves the public ES256 key, without its private part", async () => {
    const r = await fetch(`${api}/auth/v1/.well-known/jwks.json`);
    expect(r.status).toBe(200);
    const { keys } = await r.json();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
    expect(keys[0].d).toBeUndefined();
  });
});

describe("npm run stack -- token", () => {
  it("prints a token for a seeded user that PostgREST accepts", async () => {
    const r = stackCli(["token", "member@demo.test"]);
    expect(r.status).toBe(0);
    const token = r.out.trim().split("\n").at(-1)!;
    const { data, error } = await (await userClient(token)).from("workspace_members").select("role")
      .eq("user_id", "00000000-0000-4000-8000-000000000003");
    expect(error).toBeNull();
    expect(data).toEqual([{ role: "member" }]);
  });

  it("refuses an unknown email unless asked to create the user, then creates it once", async () => {
    const email = `new-${crypto.randomUUID().slice(0, 8)}@demo.test`;
    const refused = stackCli(["token", email]);
    expect(refused.status).toBe(1);
    expect(refused.out).toContain("pass --create");
    expect(stackCli(["token", email, "--create", "--ttl", "60"]).status).toBe(0);
    expect(stackCli(["token", email, "--create"]).status).toBe(0);
    const [{ n }] = await sql`select count(*)::int as n from auth.users where email = ${email}`;
    expect(n).toBe(1);
  });

  it("rejects bad options with a usage message", () => {
    expect(stackCli(["token"]).out).toContain("usage: npm run stack -- token <email>");
    expect(stackCli(["token", "a@b.test", "--ttl", "0"]).out).toContain("--ttl must be whole seconds");
    expect(stackCli(["token", "a@b.test", "--role", "postgres"]).out).toContain("--role must be");
  });
});

describe("the publishable key at a verify_jwt function", () => {
  it("is refused by a function that needs a user, and the secret key is the service", async () => {
    const user = await fetch(`${api}/functions/v1/oauth/start`, {
      method: "POST",
      headers: { apikey: await anonKey(), authorization: `Bearer ${await anonKey()}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(user.status).toBe(401);
    const dispatch = await fetch(`${api}/functions/v1/webhook-dispatch`, { method: "POST", headers: { apikey: await serviceKey() } });
    expect(dispatch.status).toBe(200);
  });
});
