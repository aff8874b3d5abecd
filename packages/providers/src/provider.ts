import type { MailMessage, MeetingSnapshot, Provider, SyncCursors } from "@rapport/core";

/**
 * The one narrow interface both providers sit behind. Sync, webhooks, renewal and email
 * delivery use only this; nothing outside `microsoft/` and `google/` knows which provider it has.
 */

/** Closed set of failure codes; the edge (sync worker, API) decides retry, 4xx or reconnect. */
export type ProviderErrorCode =
  | "temporary" // 5xx, network: retry later
  | "rate_limited" // 429/503/403 rateLimitExceeded: retry after `retryAfterMs`
  | "auth_revoked" // invalid_grant, revoked consent: connection needs re-auth
  | "permission" // 403 without rate limit: missing scope
  | "not_found" // subscription/channel/resource gone
  | "cursor_expired" // Graph 410 / syncStateNotFound, Google 410, Gmail history 404
  | "invalid_request" // our bug; never retried
  | "unknown";

export class ProviderError extends Error {
  constructor(
    readonly code: ProviderErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}

export interface TokenSet {
  accessToken: string;
  /** Absent when the provider did not rotate it; keep the old one then. */
  refreshToken?: string;
  expiresAt: Date;
  scopes: string[];
  /** From the ID token at code exchange. */
  account?: { id: string; email: string; name?: string };
}

/** OAuth for one provider; knows nothing about storage. */
export interface ProviderAuth {
  readonly provider: Provider;
  authorizeUrl(input: { state: string; codeChallenge: string; redirectUri: string; loginHint?: string }): string;
  exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<TokenSet>;
  /** Throws ProviderError("auth_revoked") when the grant is gone. */
  refresh(refreshToken: string): Promise<TokenSet>;
}

/** A page of calendar changes. `removedIds` are deletions inside the sync window. */
export interface CalendarPage {
  upserts: MeetingSnapshot[];
  removedIds: string[];
}

export interface MailPage {
  messages: MailMessage[];
}

export interface SyncWindow {
  start: Date;
  end: Date;
}

export interface WatchResult {
  subscriptionId: string;
  resourceId?: string;
  expiresAt: string;
}

/** What one connected account can do, bound to a way of getting a fresh access token. */
export interface ProviderSession {
  readonly provider: Provider;
  /**
   * Pull calendar changes since the cursors (a full round when they are empty or `full`),
   * calling `onPage` for each page in order. Returns the cursors to store only after every
   * page was handled, so a crash mid-round repeats the round rather than skipping changes.
   */
  syncCalendar(input: {
    cursors: SyncCursors;
    window: SyncWindow;
    full: boolean;
    onPage: (page: CalendarPage) => Promise<void>;
  }): Promise<SyncCursors>;
  syncMail(input: {
    cursors: SyncCursors;
    window: SyncWindow;
    full: boolean;
    onPage: (page: MailPage) => Promise<void>;
  }): Promise<SyncCursors>;
  /** Graph subscription / Google channel on the calendar. */
  watchCalendar(input: { notificationUrl: string; lifecycleUrl: string; secret: string }): Promise<WatchResult>;
  /** Extend a subscription (Graph PATCH). Google has no renew: returns null, caller re-watches. */
  renewWatch(input: { subscriptionId: string }): Promise<{ expiresAt: string } | null>;
  stopWatch(input: { subscriptionId: string; resourceId?: string }): Promise<void>;
  /** The mailbox owner's IANA time zone (Graph mailboxSettings, Google calendar setting). */
  getTimeZone?(): Promise<string | undefined>;
  /** Send from the user's own mailbox to `to`. */
  sendMail(input: { to: string; subject: string; html: string; text: string }): Promise<void>;
}

export interface ProviderEndpoints {
  graphBaseUrl: string;
  msLoginBaseUrl: string;
  googleApiRootUrl: string;
  googleOAuthBaseUrl: string;
  googleAuthBaseUrl: string;
}
