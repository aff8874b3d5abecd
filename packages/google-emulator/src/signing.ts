import { createHash } from "node:crypto";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";

export interface IdTokenClaims {
  issuer: string;
  audience: string;
  subject: string;
  email: string;
  name?: string;
}

/** The key pair that signs ID tokens, published as a JWKS like Google's certs endpoint. */
export interface TokenSigner {
  jwks(): { keys: JWK[] };
  idToken(claims: IdTokenClaims): Promise<string>;
}

export async function createSigner(): Promise<TokenSigner> {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = createHash("sha256").update(JSON.stringify(jwk)).digest("hex").slice(0, 40);
  const published: JWK = { ...jwk, kid, alg: "RS256", use: "sig" };
  return {
    jwks: () => ({ keys: [published] }),
    // iat/exp use real time: whoever verifies the token checks it against its own clock.
    idToken: ({ issuer, audience, subject, email, name }) =>
      new SignJWT({ email, email_verified: true, ...(name ? { name } : {}) })
        .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject(subject)
        .setIssuedAt()
        .setExpirationTime("1h")
        .sign(privateKey),
  };
}

/** A stable numeric subject for an address that is not a mailbox (e.g. a service account). */
export function subjectFor(email: string): string {
  const digest = createHash("sha256").update(email.toLowerCase()).digest();
  return `1${digest.readBigUInt64BE(0).toString().padStart(20, "0")}`;
}
