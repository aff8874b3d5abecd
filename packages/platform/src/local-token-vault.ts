import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { createEnvelopeTokenVault, openAesGcm, sealAesGcm, type TokenVault } from "./token-vault.ts";

const KEY_BYTES = 32;

/**
 * Data keys wrapped with a key kept in a local file (32 random bytes, mode 0600), made on
 * first use. For `pnpm start`; losing the file makes stored tokens unreadable (users reconnect).
 */
export function createLocalTokenVault(options: { keyFile: string }): TokenVault {
  let fileKey: Promise<Buffer> | undefined;
  const key = () => {
    fileKey ??= loadOrCreateKeyFile(options.keyFile);
    // A failed load is not cached, so a fixed file is picked up on the next call.
    fileKey.catch(() => {
      fileKey = undefined;
    });
    return fileKey;
  };
  const aad = (userId: string) => Buffer.from(`file-key|${userId}`, "utf8");

  return createEnvelopeTokenVault({
    name: "file",
    async newDataKey({ userId }) {
      const plaintext = randomBytes(KEY_BYTES);
      const { iv, ciphertext, tag } = sealAesGcm(await key(), plaintext, aad(userId));
      return { plaintext, wrapped: Buffer.concat([iv, ciphertext, tag]) };
    },
    async unwrapDataKey(wrapped, { userId }) {
      const iv = wrapped.subarray(0, 12);
      const tag = wrapped.subarray(wrapped.length - 16);
      const ciphertext = wrapped.subarray(12, wrapped.length - 16);
      return openAesGcm(await key(), { iv, ciphertext, tag }, aad(userId));
    },
  });
}

export async function loadOrCreateKeyFile(path: string): Promise<Buffer> {
  const key = await readFile(path).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
    await createKeyFile(path);
    return readFile(path);
  });
  if (key.length !== KEY_BYTES) throw new Error(`key file ${path} must hold exactly ${KEY_BYTES} bytes`);
  return key;
}

async function createKeyFile(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // Written aside, then hard-linked into place: link fails if the file exists, so two processes
  // starting together agree on one key, and nobody ever reads a half-written file.
  const draft = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(draft, randomBytes(KEY_BYTES), { mode: 0o600 });
  try {
    await link(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await unlink(draft);
  }
}
