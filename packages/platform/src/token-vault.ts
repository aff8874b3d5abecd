import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Envelope encryption for refresh tokens. Each encryption gets a fresh AES-256 data key; the
 * token is sealed with AES-256-GCM and the user id as additional authenticated data, so a
 * ciphertext copied onto another user's row fails to open. The data key is stored wrapped by a
 * key source: KMS on AWS (kms-token-vault.ts), a local key file otherwise (local-token-vault.ts).
 *
 * Format (base64url parts): rtv1.<source>.<wrappedDataKey>.<iv>.<ciphertext>.<tag>
 */
export interface TokenVault {
  encrypt(plaintext: string, context: TokenContext): Promise<string>;
  decrypt(ciphertext: string, context: TokenContext): Promise<string>;
}

export interface TokenContext {
  userId: string;
}

/** Deliberately vague: the message never says more than that the token could not be used. */
export class TokenVaultError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TokenVaultError";
  }
}

/** Makes and unwraps data keys, bound to the user id. */
export interface KeySource {
  /** Short tag stored in the ciphertext: "kms" or "file". */
  name: string;
  newDataKey(context: TokenContext): Promise<{ plaintext: Buffer; wrapped: Buffer }>;
  unwrapDataKey(wrapped: Buffer, context: TokenContext): Promise<Buffer>;
}

const VERSION = "rtv1";
const IV_BYTES = 12;

const additionalData = (source: string, context: TokenContext) =>
  Buffer.from(`${VERSION}.${source}|${context.userId}`, "utf8");

/** AES-256-GCM, returning iv, ciphertext and tag separately. */
export function sealAesGcm(key: Buffer, plaintext: Buffer, aad: Buffer) {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

/** Throws if the key, the additional data or any byte of the sealed parts is wrong. */
export function openAesGcm(
  key: Buffer,
  sealed: { iv: Buffer; ciphertext: Buffer; tag: Buffer },
  aad: Buffer,
): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", key, sealed.iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
}

export function createEnvelopeTokenVault(source: KeySource): TokenVault {
  return {
    async encrypt(plaintext, context) {
      const dataKey = await source.newDataKey(context);
      try {
        const { iv, ciphertext, tag } = sealAesGcm(
          dataKey.plaintext,
          Buffer.from(plaintext, "utf8"),
          additionalData(source.name, context),
        );
        const parts = [dataKey.wrapped, iv, ciphertext, tag].map((part) => part.toString("base64url"));
        return [VERSION, source.name, ...parts].join(".");
      } finally {
        dataKey.plaintext.fill(0);
      }
    },
    async decrypt(sealedToken, context) {
      const parts = sealedToken.split(".");
      if (parts.length !== 6 || parts[0] !== VERSION) throw new TokenVaultError("not a sealed token");
      if (parts[1] !== source.name)
        throw new TokenVaultError(`token was sealed with the "${parts[1]}" key source`);
      const [wrapped, iv, ciphertext, tag] = parts.slice(2).map((part) => Buffer.from(part, "base64url")) as [
        Buffer,
        Buffer,
        Buffer,
        Buffer,
      ];
      let dataKey: Buffer | undefined;
      try {
        dataKey = await source.unwrapDataKey(wrapped, context);
        return openAesGcm(dataKey, { iv, ciphertext, tag }, additionalData(source.name, context)).toString(
          "utf8",
        );
      } catch (error) {
        throw new TokenVaultError("token could not be decrypted", { cause: error });
      } finally {
        dataKey?.fill(0);
      }
    },
  };
}
