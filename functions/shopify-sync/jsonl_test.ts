import { assertEquals } from "../_shared/assert.ts";
import { type Batch, batches, lines } from "./jsonl.ts";

function stream(text: string, chunk = 7): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let i = 0;
  return new ReadableStream({
    pull(c) {
      if (i >= bytes.length) return c.close();
      c.enqueue(bytes.slice(i, i + chunk));
      i += chunk;
    },
  });
}

async function all(text: string, from = 1, max = 2): Promise<Batch[]> {
  const out: Batch[] = [];
  for await (const b of batches(lines(stream(text)), from, max)) out.push(b);
  return out;
}

const order = (n: number) => JSON.stringify({ id: `gid://shopify/Order/${n}` });
const item = (n: number, parent: number) =>
  JSON.stringify({ id: `gid://shopify/LineItem/${n}`, __parentId: `gid://shopify/Order/${parent}` });

Deno.test("lines are numbered across chunk boundaries, CRLF and a last line without a newline included", async () => {
  const got: string[] = [];
  for await (const l of lines(stream("a\r\nbb\nccc"))) got.push(`${l.n}:${l.text}`);
  assertEquals(got, ["1:a", "2:bb", "3:ccc"]);
});

Deno.test("children follow their parent; batches end at an object boundary with the line to resume at", async () => {
  const text = [order(1), item(10, 1), order(2), item(20, 2), item(21, 2), order(3)].join("\n") + "\n";
  const b = await all(text);
  assertEquals(b.map((x) => x.objects.map((o) => [o.line, o.children.map((c) => c.line)])), [[[1, [2]], [3, [4, 5]]], [[
    6,
    [],
  ]]]);
  assertEquals(b.map((x) => x.nextLine), [6, null]);
  // resuming at line 6 reads only the last object
  assertEquals((await all(text, 6)).map((x) => x.objects.map((o) => o.line)), [[6]]);
});

Deno.test("malformed lines, non-objects and children out of order are rejected with their numbers", async () => {
  const text = [item(9, 1), order(1), "{nope", "[1]", item(10, 1), item(11, 7), order(2)].join("\n");
  const b = await all(text, 1, 10);
  assertEquals(b[0].rejected.map((r) => [r.line, r.reason.split(":")[0]]), [
    [1, "out of order"],
    [3, "malformed JSON"],
    [4, "not a JSON object"],
    [6, "out of order"],
  ]);
  assertEquals(b[0].objects.map((o) => [o.line, o.children.map((c) => c.line)]), [[2, [5]], [7, []]]);
});
