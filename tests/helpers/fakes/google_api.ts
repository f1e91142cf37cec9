// Google APIs' error answers, as Search Console and PageSpeed Insights send them.
import type { FakeResponse } from "./server.ts";

/** 429 RESOURCE_EXHAUSTED with a RetryInfo detail, as Google's quota errors come. */
export function googleQuotaError(seconds: number, message = "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute'"): FakeResponse {
  return {
    status: 429,
    json: {
      error: {
        code: 429,
        message,
        status: "RESOURCE_EXHAUSTED",
        details: [
          { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "RATE_LIMIT_EXCEEDED", domain: "googleapis.com" },
          { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${seconds}s` },
        ],
      },
    },
  };
}

/** 401 UNAUTHENTICATED: an expired or revoked OAuth token. */
export function googleUnauthenticated(): FakeResponse {
  return {
    status: 401,
    json: {
      error: {
        code: 401,
        message:
          "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
        status: "UNAUTHENTICATED",
      },
    },
  };
}

/** 403 PERMISSION_DENIED: the account lost access to what it asked for. */
export function googlePermissionDenied(message: string): FakeResponse {
  return { status: 403, json: { error: { code: 403, message, status: "PERMISSION_DENIED" } } };
}
