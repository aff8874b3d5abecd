/** The connection cannot sync until the user signs in again; retrying would only storm. */
export class ConnectionNeedsReauthError extends Error {
  constructor(readonly userId: string, readonly provider: string) {
    super(`connection ${provider} of ${userId} needs the user to sign in again`);
    this.name = "ConnectionNeedsReauthError";
  }
}

/** Try this sync again later, e.g. after a provider's Retry-After. The queue adapter delays it. */
export class RetryLaterError extends Error {
  constructor(readonly delayMs: number, reason: string) {
    super(reason);
    this.name = "RetryLaterError";
  }
}
