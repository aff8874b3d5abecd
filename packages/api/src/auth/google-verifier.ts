import { VisibleError } from "@rapport/core";
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from "jose";
import type { IssuerVerifier, TokenIdentity } from "./bearer.ts";

export const GOOGLE_ISSUERS = ["https://accounts.google.com", "accounts.google.com"];

/** Google-signed ID tokens, keys from GOOGLE_CERTS_URL (cached by jose). */
export function googleIdTokenVerifier(options: { certsUrl: string; audiences: string[] }): IssuerVerifier & {
  verifyPayload(token: string, audience: string): Promise<JWTPayload>;
} {
  const jwks = createRemoteJWKSet(new URL(options.certsUrl), { cacheMaxAge: 6 * 60 * 60 * 1000 });
  const verifyPayload = async (token: string, audience: string | string[]) => {
    const { payload } = await jwtVerify(token, jwks, { issuer: GOOGLE_ISSUERS, audience, algorithms: ["RS256"] });
    return payload;
  };
  return {
    accepts: (payload) => typeof payload.iss === "string" && GOOGLE_ISSUERS.includes(payload.iss),
    verifyPayload,
    async verify(token): Promise<TokenIdentity> {
      const payload = await verifyPayload(token, options.audiences);
      if (payload.email_verified !== true || typeof payload.email !== "string") {
        throw new VisibleError("auth", "unverified_email", "The token's email is not verified.");
      }
      return { email: payload.email, accountId: payload.sub, issuer: "google" };
    },
  };
}
