import { VisibleError } from "@rapport/core";
import { decodeJwt, decodeProtectedHeader, type JWTPayload } from "jose";

/** Who a verified bearer token speaks for. */
export interface TokenIdentity {
  email: string;
  /** Provider account id when the token carries one (Entra `oid`, Google `sub`). */
  accountId?: string;
  issuer: "microsoft" | "google" | "local";
}

export interface BearerVerifier {
  verify(token: string): Promise<TokenIdentity>;
}

/** One verifier per issuer family; `accepts` looks at the unverified issuer only to pick one. */
export interface IssuerVerifier {
  accepts(payload: JWTPayload): boolean;
  verify(token: string): Promise<TokenIdentity>;
}

/**
 * Picks the verifier for a token's issuer and lets it check signature, issuer, audience,
 * expiry and scope. Unsigned tokens (`alg: none`) and unknown issuers are refused up front.
 */
export function createBearerVerifier(verifiers: IssuerVerifier[]): BearerVerifier {
  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        const header = decodeProtectedHeader(token);
        if (!header.alg || header.alg.toLowerCase() === "none") throw new Error("unsigned");
        payload = decodeJwt(token);
      } catch {
        throw new VisibleError("auth", "invalid_token", "The bearer token is not a signed JWT.");
      }
      const verifier = verifiers.find((v) => v.accepts(payload));
      if (!verifier) throw new VisibleError("auth", "unknown_issuer", "The bearer token's issuer is not accepted.");
      try {
        return await verifier.verify(token);
      } catch (error) {
        if (error instanceof VisibleError) throw error;
        throw new VisibleError("auth", "invalid_token", "The bearer token was refused.");
      }
    },
  };
}
