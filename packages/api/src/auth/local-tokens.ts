import { jwtVerify, SignJWT } from "jose";
import type { IssuerVerifier } from "./bearer.ts";

export const LOCAL_ISSUER = "rapport-local";

/**
 * Local mode only: tokens for `/dev/token`, so a newcomer, the dev host page and outside
 * conformance tests can call the API as a local user. Never built on AWS.
 */
export function localTokens(key: Uint8Array) {
  const verifier: IssuerVerifier = {
    accepts: (payload) => payload.iss === LOCAL_ISSUER,
    async verify(token) {
      const { payload } = await jwtVerify(token, key, { issuer: LOCAL_ISSUER, audience: "rapport-api", algorithms: ["HS256"] });
      return { email: String(payload.sub), issuer: "local" };
    },
  };
  const issue = (email: string, ttlSeconds = 12 * 60 * 60) =>
    new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer(LOCAL_ISSUER)
      .setAudience("rapport-api")
      .setSubject(email)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(key);
  return { verifier, issue };
}
