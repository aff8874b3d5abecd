import { z } from "zod";

/**
 * Opaque tokens the emulator hands out (sync tokens, page tokens). Base64url JSON: clients must
 * treat them as opaque, as they must with Google's.
 */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

export function decodeCursor<T>(schema: z.ZodType<T>, token: string): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(token, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Calendar sync token: mailbox, change sequence, epoch, and the window of the full sync. */
export const SyncTokenData = z.object({
  m: z.string(),
  s: z.number().int(),
  e: z.number().int(),
  from: z.number(),
  to: z.number(),
  single: z.boolean(),
});
export type SyncTokenData = z.infer<typeof SyncTokenData>;

/** A page token names a cached result list and an offset into it. */
export const PageTokenData = z.object({ r: z.string(), o: z.number().int().nonnegative() });
