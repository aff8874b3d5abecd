import {
  DecryptCommand,
  type DecryptCommandOutput,
  GenerateDataKeyCommand,
  type GenerateDataKeyCommandOutput,
} from "@aws-sdk/client-kms";
import { createEnvelopeTokenVault, type TokenVault } from "./token-vault.ts";

/** The two KMS calls the vault makes; a KMSClient fits. */
export interface KmsClientLike {
  send(command: GenerateDataKeyCommand): Promise<GenerateDataKeyCommandOutput>;
  send(command: DecryptCommand): Promise<DecryptCommandOutput>;
}

/**
 * Data keys from KMS. The encryption context {userId} is logged by CloudTrail on every Decrypt
 * and must match, so KMS itself refuses to unwrap one user's key for another.
 */
export function createKmsTokenVault(options: { client: KmsClientLike; keyId: string }): TokenVault {
  return createEnvelopeTokenVault({
    name: "kms",
    async newDataKey({ userId }) {
      const result = await options.client.send(
        new GenerateDataKeyCommand({
          KeyId: options.keyId,
          KeySpec: "AES_256",
          EncryptionContext: { userId },
        }),
      );
      if (!result.Plaintext || !result.CiphertextBlob) throw new Error("KMS returned no data key");
      return { plaintext: Buffer.from(result.Plaintext), wrapped: Buffer.from(result.CiphertextBlob) };
    },
    async unwrapDataKey(wrapped, { userId }) {
      const result = await options.client.send(
        new DecryptCommand({ KeyId: options.keyId, CiphertextBlob: wrapped, EncryptionContext: { userId } }),
      );
      if (!result.Plaintext) throw new Error("KMS returned no plaintext");
      return Buffer.from(result.Plaintext);
    },
  });
}
