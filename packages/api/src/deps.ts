import type { MeetingInsights, Provider, RelationshipCard, SuggestionState, User } from "@rapport/core";
import type { Config, Logger, TokenVault } from "@rapport/platform";
import type { ProviderRegistry, TokenSet } from "@rapport/providers";
import type { Store } from "@rapport/store";
import type { GooglePush, GooglePushOutcome, GraphNotificationItem, NotificationOutcome } from "@rapport/sync";
import type { Hono } from "hono";
import type { BearerVerifier } from "./auth/bearer.ts";

/** The use cases the HTTP layer calls; each route is parse, call one of these, respond. */
export interface ApiServices {
  completeConnection(provider: Provider, tokens: TokenSet): Promise<{ user: User }>;
  acceptGraphChanges(items: GraphNotificationItem[]): Promise<NotificationOutcome>;
  acceptGraphLifecycle(items: GraphNotificationItem[]): Promise<NotificationOutcome>;
  acceptGooglePush(push: GooglePush): Promise<GooglePushOutcome>;
  /** Re-derive levels and suggestions after the user changed a contact. */
  reanalyzeContacts(userId: string, emails: string[]): Promise<void>;
  meetingInsights(user: User, ref: { provider: Provider; eventId?: string; iCalUId?: string }): Promise<MeetingInsights | undefined>;
  attendeeCards(user: User, emails: string[]): Promise<RelationshipCard[]>;
  weeklyReport(user: User): Promise<{ view: unknown; html: string; text: string; subject: string }>;
  disconnect(userId: string): Promise<void>;
}

/** Only in local mode: the routes under /dev and the pieces behind them. */
export interface LocalOnly {
  listUsers(): Promise<Array<{ email: string; name?: string; demo: boolean; providers: Provider[] }>>;
  issueToken(email: string): Promise<string>;
  outbox(): Promise<Array<{ to: string; subject: string; kind: string; sentAt: string; html: string; text: string }>>;
  /** Extra local pages (add-in dev host, static files). */
  routes?: Hono;
}

export interface ApiDeps {
  config: Config;
  store: Store;
  logger: Logger;
  clock: { now(): Date };
  vault: TokenVault;
  providers: ProviderRegistry;
  services: ApiServices;
  verifier: BearerVerifier;
  /** Hono sub-app serving the Google Workspace add-on endpoints. */
  googleAddon?: Hono;
  /** Present in local mode only; its absence removes every /dev route. */
  local?: LocalOnly;
  /** Allowed states for state changes from the add-ins. */
  states?: SuggestionState[];
}
