// The two pages of the unsubscribe link: a button (a GET must not unsubscribe) and the result.
export function unsubscribePage(state: "confirm" | "done"): Response {
  const body = state === "confirm"
    ? `<p>Stop receiving marketing email and review requests at this address?</p>
<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`
    : `<p>You are unsubscribed. You will not get marketing email or review requests from us at this address again.</p>`;
  return new Response(
    `<!doctype html><html><head><meta charset="utf-8"><title>Unsubscribe</title></head><body>${body}</body></html>`,
    { status: 200, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } },
  );
}
