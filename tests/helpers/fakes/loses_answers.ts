// A fake provider that can lose the answer to a write: the write is applied, then its answer is
// held past the client's timeout (the local provider timeouts are 3 s), as when the provider
// made the change and the network lost what it said. (Dropping the connection instead is not a
// lost answer: an HTTP client may send the request again on a fresh connection.)
import { FakeProvider, type FakeRequest, type FakeResponse } from "./server.ts";

export abstract class LosesAnswers extends FakeProvider {
  /** The next N writes are applied and their answers held for holdMs. */
  loseAnswers = 0;
  holdMs = 4000;
  abstract isWrite(r: FakeRequest): boolean;

  /** Writes received (those whose answer was lost included). */
  writes(): FakeRequest[] {
    return this.requests.filter((r) => this.isWrite(r));
  }

  override async answer(r: FakeRequest): Promise<FakeResponse | "drop"> {
    const a = await super.answer(r);
    if (a !== "drop" && this.isWrite(r) && (a.status ?? 200) < 300 && this.loseAnswers > 0) {
      this.loseAnswers--;
      await new Promise((t) => setTimeout(t, this.holdMs));
    }
    return a;
  }
}
