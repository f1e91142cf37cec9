// Slack (OAuth v2, a bot token per team): the authorize URL with the bot scopes, and
// oauth.v2.access, which answers HTTP 200 with { ok, access_token (xoxb-...), team: { id }, ... }
// or { ok: false, error }. The connection's account is the team id, known only after the exchange.
import { HttpError } from "../../_shared/errors.ts";
import { type OAuthProvider, tokenRequest, tokensFrom, withQuery } from "./types.ts";

export const slack: OAuthProvider = {
  pkce: false,
  accountFromToken: true,
  authorizeUrl(s, { state, redirectUri }) {
    return withQuery(s.SLACK_AUTH_URL, {
      client_id: s.SLACK_CLIENT_ID,
      scope: s.SLACK_SCOPES,
      redirect_uri: redirectUri,
      state,
    });
  },
  verifyCallback: () => Promise.resolve(null),
  accountId: () => "",
  async exchange(s, http, { code, redirectUri }) {
    const j = await tokenRequest(http, `${s.SLACK_API_URL.replace(/\/$/, "")}/oauth.v2.access`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_id: s.SLACK_CLIENT_ID,
        client_secret: s.SLACK_CLIENT_SECRET,
        code,
        redirect_uri: redirectUri,
      }),
    });
    const team = j.team as { id?: string; name?: string } | undefined;
    if (j.ok !== true || j.token_type !== "bot" || !team?.id) {
      throw new HttpError(502, "exchange_failed", "Slack's answer had no bot token for a team");
    }
    return {
      ...tokensFrom(j, http.now(), ","),
      account: team.id,
      metadata: { team_name: team.name ?? null, bot_user_id: j.bot_user_id ?? null, app_id: j.app_id ?? null },
    };
  },
};
