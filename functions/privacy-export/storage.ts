// The Storage API calls the privacy worker needs, with the service's secret key: upload (upsert)
// one object and remove objects by name: Supabase's Storage API, which the embedded stack's gateway
// serves too; GROWTHBASE_STORAGE_URL points the worker at another one.
export interface Storage {
  put(bucket: string, path: string, body: string, contentType: string): Promise<void>;
  remove(bucket: string, paths: string[]): Promise<void>;
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
  };
  return {
    put: (bucket, path, body, contentType) =>
      call(objectUrl(baseUrl, bucket, path), {
        method: "POST",
        headers: { ...auth, "content-type": contentType, "x-upsert": "true", "cache-control": "no-store" },
        body,
      }),
    remove: (bucket, paths) =>
      call(`${baseUrl.replace(/\/$/, "")}/object/${encodeURIComponent(bucket)}`, {
        method: "DELETE",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ prefixes: paths }),
      }),
  };
}
