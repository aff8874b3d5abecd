import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type DecryptCommand,
  type DecryptCommandOutput,
  GenerateDataKeyCommand,
  type GenerateDataKeyCommandOutput,
  type KMSClient,
} from "@aws-sdk/client-kms";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createKmsTokenVault, type KmsClientLike } from "./kms-token-vault.ts";
import { createLocalTokenVault } from "./local-token-vault.ts";
import { TokenVaultError } from "./token-vault.ts";

const refreshToken = "0.ARoA-refresh-token-value";

/** Flips one byte of the sealed ciphertext part, keeping the format intact. */
function tamper(sealed: string): string {
  const parts = sealed.split(".");
  const ciphertext = Buffer.from(parts[4] ?? "", "base64url");
  ciphertext[0] = (ciphertext[0] ?? 0) ^ 0xff;
  parts[4] = ciphertext.toString("base64url");
  return parts.join(".");
}

/**
 * Stands in for KMS (no AWS is reachable here): wraps data keys under its own master key and,
 * like KMS, refuses Decrypt when the encryption context differs from GenerateDataKey's.
 */
function fakeKms() {
  const issued = new Map<string, { key: Buffer; context: string }>();
  const calls: string[] = [];
  async function send(command: GenerateDataKeyCommand): Promise<GenerateDataKeyCommandOutput>;
  async function send(command: DecryptCommand): Promise<DecryptCommandOutput>;
  async function send(command: GenerateDataKeyCommand | DecryptCommand): Promise<unknown> {
    const context = JSON.stringify(command.input.EncryptionContext ?? {});
    if (command instanceof GenerateDataKeyCommand) {
      calls.push(`GenerateDataKey ${command.input.KeyId} ${command.input.KeySpec} ${context}`);
      const key = randomBytes(32);
      const blob = randomBytes(48);
      issued.set(blob.toString("hex"), { key, context });
      return { Plaintext: Uint8Array.from(key), CiphertextBlob: Uint8Array.from(blob), $metadata: {} };
    }
    calls.push(`Decrypt ${context}`);
    const entry = issued.get(Buffer.from(command.input.CiphertextBlob ?? []).toString("hex"));
    if (!entry || entry.context !== context) throw new Error("InvalidCiphertextException");
    return { Plaintext: Uint8Array.from(entry.key), $metadata: {} };
  }
  return { client: { send } satisfies KmsClientLike, calls };
}

// Compile-time only: the real client must fit the interface the vault asks for.
export const realClientFits = (client: KMSClient): KmsClientLike => client;

describe("local token vault", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "rapport-vault-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("round-trips a token and never leaves it readable in the ciphertext", async () => {
    const vault = createLocalTokenVault({ keyFile: join(dir, "keys", "token.key") });
    const sealed = await vault.encrypt(refreshToken, { userId: "user-1" });
    expect(sealed).toMatch(/^rtv1\.file\./);
    expect(sealed).not.toContain("refresh-token-value");
    expect(await vault.decrypt(sealed, { userId: "user-1" })).toBe(refreshToken);
    const again = await vault.encrypt(refreshToken, { userId: "user-1" });
    expect(again).not.toBe(sealed); // fresh data key and iv each time
  });

  it("refuses another user's ciphertext and a tampered one", async () => {
    const vault = createLocalTokenVault({ keyFile: join(dir, "token.key") });
    const sealed = await vault.encrypt(refreshToken, { userId: "user-1" });
    await expect(vault.decrypt(sealed, { userId: "user-2" })).rejects.toBeInstanceOf(TokenVaultError);
    await expect(vault.decrypt(tamper(sealed), { userId: "user-1" })).rejects.toBeInstanceOf(TokenVaultError);
    await expect(vault.decrypt("garbage", { userId: "user-1" })).rejects.toBeInstanceOf(TokenVaultError);
  });

  it("creates the key file once with owner-only permissions and reuses it", async () => {
    const keyFile = join(dir, "token.key");
    const first = createLocalTokenVault({ keyFile });
    const sealed = await first.encrypt(refreshToken, { userId: "user-1" });
    const key = await readFile(keyFile);
    expect(key).toHaveLength(32);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const second = createLocalTokenVault({ keyFile });
    expect(await second.decrypt(sealed, { userId: "user-1" })).toBe(refreshToken);
    await second.encrypt("another", { userId: "user-2" });
    expect(await readFile(keyFile)).toEqual(key);
  });

  it("cannot open tokens after the key file is replaced", async () => {
    const keyFile = join(dir, "token.key");
    const sealed = await createLocalTokenVault({ keyFile }).encrypt(refreshToken, { userId: "user-1" });
    await writeFile(keyFile, randomBytes(32));
    await expect(createLocalTokenVault({ keyFile }).decrypt(sealed, { userId: "user-1" })).rejects.toThrow(
      TokenVaultError,
    );
  });
});

describe("KMS token vault", () => {
  it("asks KMS for an AES-256 data key bound to the user and round-trips the token", async () => {
    const kms = fakeKms();
    const vault = createKmsTokenVault({ client: kms.client, keyId: "alias/rapport-tokens" });
    const sealed = await vault.encrypt(refreshToken, { userId: "user-1" });
    expect(sealed.split(".").slice(0, 2)).toEqual(["rtv1", "kms"]);
    expect(sealed.split(".")).toHaveLength(6);
    expect(await vault.decrypt(sealed, { userId: "user-1" })).toBe(refreshToken);
    expect(kms.calls).toEqual([
      'GenerateDataKey alias/rapport-tokens AES_256 {"userId":"user-1"}',
      'Decrypt {"userId":"user-1"}',
    ]);
  });

  it("refuses another user's ciphertext, a tampered one and one sealed by the local vault", async () => {
    const vault = createKmsTokenVault({ client: fakeKms().client, keyId: "k" });
    const sealed = await vault.encrypt(refreshToken, { userId: "user-1" });
    await expect(vault.decrypt(sealed, { userId: "user-2" })).rejects.toBeInstanceOf(TokenVaultError);
    await expect(vault.decrypt(tamper(sealed), { userId: "user-1" })).rejects.toBeInstanceOf(TokenVaultError);
    const localSealed = sealed.replace(/^rtv1\.kms\./, "rtv1.file.");
    await expect(vault.decrypt(localSealed, { userId: "user-1" })).rejects.toThrow(/"file" key source/);
  });
});
