import { describe, expect, it } from "vitest";
import { apiKeys, fromBase64url, signJwt, verifyJwt } from "../../functions/_shared/jwt.ts";

const secret = "super-secret-jwt-token-with-at-least-32-characters-long";

describe("jwt", () => {
  it("round-trips claims", async () => {
    const t = await signJwt({ sub: "u1", role: "authenticated", exp: 2e9 }, secret);
    expect(await verifyJwt(t, secret)).toMatchObject({ sub: "u1", role: "authenticated" });
  });

  it("rejects another secret, a changed payload, expiry and alg none", async () => {
    const t = await signJwt({ sub: "u1", role: "authenticated", exp: 2e9 }, secret);
    await expect(verifyJwt(t, secret + "x")).rejects.toThrow("invalid signature");
    const [h, , s] = t.split(".");
    const forged = btoa(JSON.stringify({ sub: "u2", role: "service_role" })).replace(/=+$/, "");
    await expect(verifyJwt(`${h}.${forged}.${s}`, secret)).rejects.toThrow("invalid signature");
    const old = await signJwt({ sub: "u1", exp: 1000 }, secret);
    await expect(verifyJwt(old, secret)).rejects.toThrow("token expired");
    const none = `${btoa('{"alg":"none"}').replace(/=+$/, "")}.${forged}.`;
    await expect(verifyJwt(none, secret)).rejects.toThrow();
    await expect(verifyJwt("a.b", secret)).rejects.toThrow("malformed token");
  });

  it("makes the same local keys the Supabase CLI prints for the same secret", async () => {
    const { anonKey, serviceRoleKey } = await apiKeys(secret);
    expect(anonKey).toBe(
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0",
    );
    expect(serviceRoleKey).toBe(
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU",
    );
  });

  it("decodes base64url without padding and refuses other alphabets", () => {
    expect(Array.from(fromBase64url("AQID"))).toEqual([1, 2, 3]);
    expect(() => fromBase64url("a+b/")).toThrow();
  });
});
