import { randomUUID } from "node:crypto";
import {
  createLocalJWKSet,
  decodeJwt,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from "jose";

/** Graph's resource app id: the audience of delegated Graph access tokens. */
export const GRAPH_AUDIENCE = "00000003-0000-0000-c000-000000000000";

export interface TokenSubject {
  oid: string;
  email: string;
  name: string;
}

/**
 * Signs ID and access tokens the way the Microsoft identity platform does (RS256, v2.0 claims)
 * and publishes the key as a JWKS, so verifiers work unchanged against the emulator.
 */
export class TokenIssuer {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicJwk: JWK,
    readonly tenantId: string,
    private readonly loginUrl: string,
  ) {}

  static async create(loginUrl: string, tenantId: string): Promise<TokenIssuer> {
    const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
    const jwk = await exportJWK(publicKey);
    const kid = randomUUID().replaceAll("-", "").slice(0, 27);
    return new TokenIssuer(
      privateKey,
      { ...jwk, kid, use: "sig", alg: "RS256", kty: "RSA" },
      tenantId,
      loginUrl,
    );
  }

  get issuer(): string {
    return `${this.loginUrl}/${this.tenantId}/v2.0`;
  }

  jwks(): { keys: JWK[] } {
    return { keys: [{ ...this.publicJwk, issuer: this.issuer } as JWK] };
  }

  private async sign(
    claims: JWTPayload,
    audience: string,
    now: Date,
    lifetimeSeconds: number,
  ): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({ ver: "2.0", tid: this.tenantId, ...claims })
      .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: this.publicJwk.kid as string })
      .setIssuer(this.issuer)
      .setAudience(audience)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(iat + lifetimeSeconds)
      .setJti(randomUUID())
      .sign(this.privateKey);
  }

  idToken(subject: TokenSubject, clientId: string, now: Date, nonce?: string): Promise<string> {
    return this.sign(
      {
        sub: subject.oid,
        oid: subject.oid,
        preferred_username: subject.email,
        email: subject.email,
        name: subject.name,
        ...(nonce ? { nonce } : {}),
      },
      clientId,
      now,
      3600,
    );
  }

  /** Delegated access token: `scp` lists the granted scopes, `azp` the client. */
  accessToken(
    subject: TokenSubject,
    input: { audience: string; clientId: string; scopes: string[] },
    now: Date,
  ): Promise<string> {
    return this.sign(
      {
        sub: subject.oid,
        oid: subject.oid,
        preferred_username: subject.email,
        email: subject.email,
        name: subject.name,
        scp: input.scopes.join(" "),
        azp: input.clientId,
        azpacr: "1",
      },
      input.audience,
      now,
      3600,
    );
  }

  /** Verifies a token this emulator issued for `audience` at the emulator's `now`. */
  /**
   * Verifies signature, issuer and audience. Lifetimes are not checked against the clock:
   * emulated time jumps (scenario replay) while clients track expiry on their own clock.
   * Expiry is simulated with the `expireAccessTokens` fault instead.
   */
  async verify(token: string, audience: string): Promise<JWTPayload> {
    const issuedAt = decodeJwt(token).iat;
    const { payload } = await jwtVerify(token, createLocalJWKSet(this.jwks()), {
      audience,
      issuer: this.issuer,
      currentDate: new Date(((issuedAt ?? 0) + 1) * 1000),
    });
    return payload;
  }
}
