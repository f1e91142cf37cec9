// Waiting for the state a test asserts: poll with a deadline, never sleep a fixed time.

/** Polls fn until ok(value); fails after ms with the last value it saw. */
export async function waitFor<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  let v = await fn();
  while (!ok(v)) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 150));
    v = await fn();
  }
  return v;
}
