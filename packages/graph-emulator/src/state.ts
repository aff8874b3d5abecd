import { DeltaRounds } from "./delta-paging.ts";
import { type FaultState, initialFaults } from "./faults.ts";
import { Mailbox } from "./mailbox-store.ts";
import { Notifier } from "./notifier.ts";
import type { SubscriptionRecord } from "./subscriptions.ts";
import type { TokenIssuer } from "./tokens.ts";

export interface RecordedRequest {
  method: string;
  path: string;
  mailbox?: string;
  status: number;
  /** Whether `Prefer: IdType="ImmutableId"` was sent. */
  immutableId: boolean;
  prefer?: string;
  at: string;
}

export interface SentMail {
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  contentType?: string;
  body?: string;
  sentAt: string;
}

export interface OAuthCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
  mailbox: string;
  nonce?: string;
  expiresMs: number;
}

export interface RefreshGrant {
  clientId: string;
  mailbox: string;
  scopes: string[];
  lastUsedMs: number;
  revoked: boolean;
}

/** Everything the emulator knows, shared by the Graph routes, OAuth routes and admin API. */
export class EmulatorState {
  readonly mailboxes = new Map<string, Mailbox>();
  readonly subscriptions = new Map<string, SubscriptionRecord>();
  readonly sentMail: SentMail[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly codes = new Map<string, OAuthCode>();
  readonly refreshGrants = new Map<string, RefreshGrant>();
  readonly faults: FaultState = initialFaults();
  readonly rounds = new DeltaRounds();
  readonly inFlight = new Map<string, number>();
  /** Ids (jti) of access tokens issued, and of those the `expireAccessTokens` fault expired. */
  readonly issuedTokens = new Set<string>();
  readonly expiredTokens = new Set<string>();
  readonly maxInFlight = new Map<string, number>();
  readonly notifier: Notifier;
  private clockOverride?: Date;
  /** Set once the server listens. */
  graphUrl = "";
  loginUrl = "";

  constructor(
    readonly issuer: TokenIssuer,
    private readonly clock: () => Date,
    readonly webhookTimeoutMs: number,
    readonly app: { clientId: string; clientSecret: string; apiAudience: string },
    readonly pageSize: number,
  ) {
    this.notifier = new Notifier({
      timeoutMs: webhookTimeoutMs,
      duplicate: () => this.faults.duplicateNotifications,
      holdForFlush: () => this.faults.outOfOrderNotifications,
    });
  }

  get tenantId(): string {
    return this.issuer.tenantId;
  }

  now(): Date {
    return this.clockOverride ? new Date(this.clockOverride) : this.clock();
  }

  setClock(now: Date | undefined): void {
    this.clockOverride = now;
  }

  addMailbox(input: { email: string; name: string; timeZone: string }): Mailbox {
    const email = input.email.trim().toLowerCase();
    const existing = this.mailboxes.get(email);
    if (existing) return existing;
    const mailbox = new Mailbox(email, input.name, input.timeZone);
    this.mailboxes.set(email, mailbox);
    return mailbox;
  }

  mailbox(email: string): Mailbox | undefined {
    return this.mailboxes.get(email.trim().toLowerCase());
  }

  mailboxByOid(oid: string): Mailbox | undefined {
    return [...this.mailboxes.values()].find((m) => m.id === oid);
  }

  enter(email: string): void {
    const current = (this.inFlight.get(email) ?? 0) + 1;
    this.inFlight.set(email, current);
    this.maxInFlight.set(email, Math.max(current, this.maxInFlight.get(email) ?? 0));
  }

  leave(email: string): void {
    this.inFlight.set(email, Math.max(0, (this.inFlight.get(email) ?? 1) - 1));
  }
}
