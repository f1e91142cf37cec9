// The Storage API calls workers need, with the service's secret key: upload (upsert) one object,
// remove objects by name, and a signed URL for a provider to fetch one: Supabase's Storage API,
// which the embedded stack's gateway serves too; GROWTHBASE_STORAGE_URL points workers at another.
export interface Storage {
  put(bucket: string, path: string, body: string | Uint8Array<ArrayBuffer>, contentType: string): Promise<void>;
  remove(bucket: string, paths: string[]): Promise<void>;
  /** An absolute URL anyone holding it may GET for `expiresIn` seconds. */
  signedUrl(bucket: string, path: string, expiresIn: number): Promise<string>;
}

const objectUrl = (base: string, bucket: string, path: string) =>
  `${base.replace(/\/$/, "")}/object/${encodeURIComponent(bucket)}/${
    path.split("/").map(encodeURIComponent).join("/")
  }`;

export function storageApi(baseUrl: string, key: string, f: typeof fetch = fetch): Storage {
  const auth = { authorization: `Bearer ${key}`, apikey: key };
  const call = async (url: string, init: RequestInit) => {
    let res: Response;
    try {
      res = await f(url, { ...init, signal: AbortSignal.timeout(30_000) });
    } catch (e) {
      throw new Error((e as Error).name === "TimeoutError" ? "storage timed out after 30 s" : "storage unreachable");
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`storage answered ${res.status}: ${text.slice(0, 200)}`);
    return text;
  };
  return {
    put: async (bucket, path, body, contentType) =>
      void await call(objectUrl(baseUrl, bucket, path), {
        method: "POST",
        headers: { ...auth, "content-type": contentType, "x-upsert": "true", "cache-control": "no-store" },
        body,
      }),
    signedUrl: async (bucket, path, expiresIn) => {
      const text = await call(objectUrl(baseUrl, bucket, path).replace("/object/", "/object/sign/"), {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ expiresIn }),
      });
      const signed = (JSON.parse(text) as { signedURL?: string }).signedURL;
      if (!signed) throw new Error("storage answered no signed URL");
      return /^https?:/.test(signed) ? signed : `${baseUrl.replace(/\/$/, "")}${signed}`;
    },
    remove: async (bucket, paths) =>
      void await call(`${baseUrl.replace(/\/$/, "")}/object/${encodeURIComponent(bucket)}`, {
        method: "DELETE",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ prefixes: paths }),
      }),
  };
}
