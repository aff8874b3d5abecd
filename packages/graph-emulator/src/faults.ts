import { z } from "zod";

/**
 * Fault knobs, set through `PUT /_emulator/faults` or `admin.setFaults`. Counters count down
 * one per Graph API call; flags stay until turned off; `expireDeltaTokens` and
 * `revokeRefreshTokens` are one-shot actions.
 */
export const FaultInput = z.object({
  /** Every notification batch is delivered twice. */
  duplicateNotifications: z.boolean().optional(),
  /** Batches are held until `flush` and then delivered newest first. */
  outOfOrderNotifications: z.boolean().optional(),
  /** The next N change notifications are dropped; a `missed` lifecycle event follows. */
  dropNotifications: z.number().int().min(0).optional(),
  /** The next N Graph calls answer 429 with Retry-After. */
  throttleNext: z.number().int().min(0).optional(),
  /** The next N Graph calls answer 503 with Retry-After. */
  unavailableNext: z.number().int().min(0).optional(),
  /** Retry-After (seconds) sent with 429 and 503. */
  retryAfterSeconds: z.number().int().min(0).optional(),
  /** Every Graph call waits this long while counted as in flight. */
  latencyMs: z.number().int().min(0).max(10_000).optional(),
  /** Invalidates every delta token issued so far (of one mailbox when `email` is given). */
  expireDeltaTokens: z.union([z.boolean(), z.enum(["syncStateNotFound", "resyncRequired"])]).optional(),
  /** Revokes refresh tokens: the token endpoint answers invalid_grant (AADSTS50173). */
  revokeRefreshTokens: z.boolean().optional(),
  /** Expires every Graph access token issued so far: Graph answers 401 until the client refreshes. */
  expireAccessTokens: z.boolean().optional(),
  /** Limits the one-shot actions to one mailbox. */
  email: z.string().optional(),
});
export type FaultInput = z.infer<typeof FaultInput>;

export interface FaultState {
  duplicateNotifications: boolean;
  outOfOrderNotifications: boolean;
  dropNotifications: number;
  throttleNext: number;
  unavailableNext: number;
  retryAfterSeconds: number;
  latencyMs: number;
}

export function initialFaults(): FaultState {
  return {
    duplicateNotifications: false,
    outOfOrderNotifications: false,
    dropNotifications: 0,
    throttleNext: 0,
    unavailableNext: 0,
    retryAfterSeconds: 2,
    latencyMs: 0,
  };
}

/** The throttling answer for this call, if a counter says so; counts the counter down. */
export function takeThrottle(
  faults: FaultState,
): { status: 429 | 503; retryAfterSeconds: number } | undefined {
  if (faults.throttleNext > 0) {
    faults.throttleNext -= 1;
    return { status: 429, retryAfterSeconds: faults.retryAfterSeconds };
  }
  if (faults.unavailableNext > 0) {
    faults.unavailableNext -= 1;
    return { status: 503, retryAfterSeconds: faults.retryAfterSeconds };
  }
  return undefined;
}
