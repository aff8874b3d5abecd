import { VisibleError } from "@rapport/core";
import { createRemoteJWKSet, jwtVerify } from "jose";
import type { IssuerVerifier } from "./bearer.ts";

/**
 * Microsoft identity platform access tokens from the Outlook add-in (Nested App Auth).
 * Multi-tenant: the issuer is `{login}/{tid}/v2.0` and must agree with the token's `tid`.
 * Keys come from the JWKS under MS_LOGIN_BASE_URL; jose caches them and refetches on rotation.
 */
export function microsoftVerifier(options: { loginBaseUrl: string; audiences: string[]; requiredScope: string }): IssuerVerifier {
  const jwks = createRemoteJWKSet(new URL(`${options.loginBaseUrl}/common/discovery/v2.0/keys`), {
    cacheMaxAge: 6 * 60 * 60 * 1000,
  });
  const issuerPrefix = `${options.loginBaseUrl}/`;
  return {
    accepts: (payload) => typeof payload.iss === "string" && payload.iss.startsWith(issuerPrefix),
    async verify(token) {
      const { payload } = await jwtVerify(token, jwks, { audience: options.audiences, algorithms: ["RS256"] });
      const tid = typeof payload.tid === "string" ? payload.tid : "";
      if (!tid || payload.iss !== `${options.loginBaseUrl}/${tid}/v2.0`) {
        throw new VisibleError("auth", "invalid_issuer", "The token's issuer does not match its tenant.");
      }
      const scopes = typeof payload.scp === "string" ? payload.scp.split(" ") : [];
      if (!scopes.includes(options.requiredScope)) {
        throw new VisibleError("forbidden", "missing_scope", `The token lacks the ${options.requiredScope} scope.`);
      }
      const email = String(payload.preferred_username ?? payload.email ?? payload.upn ?? "");
      if (!email.includes("@")) throw new VisibleError("auth", "no_identity", "The token names no user.");
      return { email, accountId: typeof payload.oid === "string" ? payload.oid : undefined, issuer: "microsoft" };
    },
  };
}
