// Fetching a URL to ingest, through a configurable fetcher: directly, or through a reader service
// named by KNOWLEDGE_FETCH_PROXY (a URL template with {url}, e.g. a scraping/reader API). Limits:
// 10 s, 2 MB, text-like content types, at most 3 redirects; in production only https and no
// address on our own network, checked on every hop.
import { HttpError, readLimited } from "../_shared/http.ts";
import { refusedInProduction } from "../webhook-dispatch/dispatch.ts";

export interface FetchDeps {
  fetch: typeof fetch;
  production: boolean;
  /** URL template with {url} (URL-encoded target), or empty for direct fetches. */
  proxy: string;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface Fetched {
  body: string;
  format: "html" | "markdown" | "text";
  finalUrl: string;
}

const FORMATS: [RegExp, Fetched["format"]][] = [
  [/^text\/html|^application\/xhtml\+xml/, "html"],
  [/^text\/markdown|^text\/x-markdown/, "markdown"],
  [/^text\/plain/, "text"],
];

export async function fetchDocument(url: string, d: FetchDeps): Promise<Fetched> {
  const maxBytes = d.maxBytes ?? 2_000_000;
  let target = d.proxy ? d.proxy.replace("{url}", encodeURIComponent(url)) : url;
  for (let hop = 0; hop <= 3; hop++) {
    const refused = d.production ? refusedInProduction(target) : null;
    if (refused) throw new HttpError(400, "url_refused", `this URL cannot be fetched (${refused})`);
    let res: Response;
    try {
      res = await d.fetch(target, {
        redirect: "manual",
        headers: { accept: "text/html, text/markdown, text/plain;q=0.9", "user-agent": "growthbase-knowledge/1" },
        signal: AbortSignal.timeout(d.timeoutMs ?? 10_000),
      });
    } catch (e) {
      const timeout = (e as Error).name === "TimeoutError";
      throw new HttpError(
        400,
        "fetch_failed",
        timeout ? "the URL did not answer within 10 s" : "the URL could not be fetched",
      );
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get("location")) {
      await res.body?.cancel();
      target = new URL(res.headers.get("location")!, target).href;
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new HttpError(400, "fetch_failed", `the URL answered HTTP ${res.status}`);
    }
    const type = (res.headers.get("content-type") ?? "").toLowerCase();
    const format = FORMATS.find(([re]) => re.test(type))?.[1];
    if (!format) {
      await res.body?.cancel();
      throw new HttpError(
        400,
        "unsupported_type",
        `unsupported content type ${type || "(none)"}: HTML, markdown or plain text only`,
      );
    }
    const declared = Number(res.headers.get("content-length") ?? "0");
    if (declared > maxBytes) {
      await res.body?.cancel();
      throw new HttpError(400, "document_too_large", `the page is over ${maxBytes} bytes`);
    }
    const all = await readLimited(
      res.body,
      maxBytes,
      () => new HttpError(400, "document_too_large", `the page is over ${maxBytes} bytes`),
    );
    return { body: new TextDecoder().decode(all), format, finalUrl: target };
  }
  throw new HttpError(400, "fetch_failed", "too many redirects");
}
