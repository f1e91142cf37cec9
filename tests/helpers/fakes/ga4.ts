// A fake GA4 Measurement Protocol at /ga4: POST /mp/collect?measurement_id&api_secret records
// the payload and answers 204, as GA4 does whatever it receives (it never says a secret is
// wrong); /debug/mp/collect answers validation messages for a payload without client_id or events.
import { FakeProvider, type FakeRequest, type FakeResponse } from "./server.ts";

export interface Ga4Hit {
  measurementId: string | null;
  apiSecret: string | null;
  body: { client_id?: string; timestamp_micros?: number; consent?: Record<string, string>; user_data?: Record<string, string[]>; events?: { name: string; params: Record<string, unknown> }[] };
}

export class Ga4Fake extends FakeProvider {
  readonly prefix = "/ga4";
  hits: Ga4Hit[] = [];

  constructor() {
    super();
    this.on("POST", /^\/mp\/collect$/, (r) => {
      this.hits.push({ measurementId: r.query.get("measurement_id"), apiSecret: r.query.get("api_secret"), body: r.json as Ga4Hit["body"] });
      return { status: 204 };
    });
    this.on("POST", /^\/debug\/mp\/collect$/, (r) => {
      const b = r.json as Ga4Hit["body"];
      const messages = [];
      if (!b?.client_id) messages.push({ fieldPath: "client_id", description: "client_id is required", validationCode: "VALUE_REQUIRED" });
      if (!b?.events?.length) messages.push({ fieldPath: "events", description: "events are required", validationCode: "VALUE_REQUIRED" });
      return { json: { validationMessages: messages } };
    });
  }

  /** GA4 does not tell a wrong secret apart: it answers 204 and drops the hit. */
  expiredToken(_r: FakeRequest): FakeResponse {
    return { status: 204 };
  }
}
