// Fetching a URL to ingest: directly through the outbound-address guard (_shared/outbound.ts:
// http(s) only, https only in production, every hop's host resolved and checked and the checked
// address connected to), or through a reader service named by KNOWLEDGE_FETCH_PROXY (a URL
// template with {url}, e.g. a scraping/reader API: our configuration, so reached directly; the
// user's URL is still checked first). Limits: 10 s, 2 MB, text-like content types, at most 3
// redirects, each re-checked by the guard before it is followed.
import { HttpError, readLimited } from "../_shared/http.ts";
import { checkUrl, type OutboundPolicy, OutboundRefused } from "../_shared/outbound.ts";

export interface FetchDeps {
  /** The guarded fetch (guardedFetch) for the user's URL and the redirects it answers with. */
  fetch: typeof fetch;
  /** What the guard allows (to check the user's URL before handing it to the reader service). */
  policy: OutboundPolicy;
  /** URL template with {url} (URL-encoded target), or empty for direct fetches. */
  proxy: string;
  /** fetch for the reader service. */
  proxyFetch: typeof fetch;
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
  const refused = (e: OutboundRefused) => new HttpError(400, "url_refused", `this URL cannot be fetched (${e.reason})`);
  try {
    checkUrl(url, d.policy);
  } catch (e) {
    if (e instanceof OutboundRefused) throw refused(e);
    throw e;
  }
  let target = d.proxy ? d.proxy.replace("{url}", encodeURIComponent(url)) : url;
  for (let hop = 0; hop <= 3; hop++) {
    let res: Response;
    try {
      res = await (d.proxy ? d.proxyFetch : d.fetch)(target, {
        redirect: "manual",
        headers: { accept: "text/html, text/markdown, text/plain;q=0.9", "user-agent": "growthbase-knowledge/1" },
        signal: AbortSignal.timeout(d.timeoutMs ?? 10_000),
      });
    } catch (e) {
      if (e instanceof OutboundRefused) throw refused(e);
      const timeout = (e as Error).name === "TimeoutError";
      throw new HttpError(
        400,
        "fetch_failed",
        timeout ? "the URL did not answer within 10 s" : "the URL could not be fetched",
      );
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get("location") && !d.proxy) {
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
