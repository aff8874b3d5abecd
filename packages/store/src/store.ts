import type {
  Connection,
  Contact,
  ContactOverrides,
  Delivery,
  Interaction,
  Meeting,
  Provider,
  Subscription,
  Suggestion,
  SuggestionState,
  User,
} from "@rapport/core";

/**
 * The one DynamoDB access layer. Every entity is partitioned by user; nothing here ever
 * loads a whole partition into memory: list methods page with an opaque cursor.
 */

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; absent on the last page. */
  cursor?: string;
}

export interface PageOptions {
  limit?: number;
  cursor?: string;
}

/** Thrown when a conditional write finds the item already there (or changed). */
export class ConditionalWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConditionalWriteError";
  }
}

export interface UserRepository {
  get(userId: string): Promise<User | undefined>;
  getByEmail(email: string): Promise<User | undefined>;
  /** Conditional: fails with ConditionalWriteError if the user id or email exists. */
  create(user: User): Promise<void>;
  put(user: User): Promise<void>;
  /** All users, paged (scheduled jobs walk this). */
  list(options?: PageOptions): Promise<Page<User>>;
  /** Deletes every item of the user's partition (disconnect). */
  deleteAllData(userId: string): Promise<void>;
}

export interface ConnectionRepository {
  get(userId: string, provider: Provider): Promise<Connection | undefined>;
  listForUser(userId: string): Promise<Connection[]>;
  /** Find who owns a provider account (OAuth callback of a returning user). */
  getByAccount(provider: Provider, accountId: string): Promise<Connection | undefined>;
  put(connection: Connection): Promise<void>;
  /** Partial update of fields other than the keys. */
  update(
    userId: string,
    provider: Provider,
    changes: Partial<Omit<Connection, "userId" | "provider">>,
  ): Promise<void>;
  /** All connections, paged (the scheduled sync walks this). */
  list(options?: PageOptions): Promise<Page<Connection>>;
}

export interface SubscriptionRepository {
  /** Resolve an incoming webhook by subscription / channel id. */
  getById(provider: Provider, subscriptionId: string): Promise<Subscription | undefined>;
  listForUser(userId: string): Promise<Subscription[]>;
  put(subscription: Subscription): Promise<void>;
  delete(provider: Provider, subscriptionId: string): Promise<void>;
  /** Subscriptions expiring before `before`, soonest first, paged (the renewal job). */
  listExpiringBefore(before: string, options?: PageOptions): Promise<Page<Subscription>>;
}

export interface MeetingRepository {
  get(userId: string, provider: Provider, eventId: string): Promise<Meeting | undefined>;
  /** Google add-on and Outlook add-in may only know the iCalUId. */
  getByICalUId(userId: string, iCalUId: string): Promise<Meeting[]>;
  put(meeting: Meeting): Promise<void>;
  delete(userId: string, provider: Provider, eventId: string): Promise<void>;
  /** Meetings starting in [from, to), by start time, paged. */
  listByStart(userId: string, from: string, to: string, options?: PageOptions): Promise<Page<Meeting>>;
  /** Every meeting of a user, paged (full re-analysis, store-equals-emulator checks). */
  listForUser(userId: string, options?: PageOptions): Promise<Page<Meeting>>;
  /** Occurrences and exceptions of a series. */
  listBySeries(userId: string, seriesId: string): Promise<Meeting[]>;
}

export interface InteractionRepository {
  /** Idempotent: the id is derived from source and contact, so replays overwrite. */
  putMany(interactions: Interaction[]): Promise<void>;
  /** Remove every interaction that came from one event or message (deletion, new version). */
  deleteBySource(userId: string, sourceId: string): Promise<void>;
  /** One contact's timeline, oldest first, paged. */
  listForContact(userId: string, contactEmail: string, options?: PageOptions): Promise<Page<Interaction>>;
  /** A user's interactions in [from, to), by time, paged. */
  listByTime(userId: string, from: string, to: string, options?: PageOptions): Promise<Page<Interaction>>;
}

export interface ContactRepository {
  get(userId: string, email: string): Promise<Contact | undefined>;
  getMany(userId: string, emails: string[]): Promise<Contact[]>;
  put(contact: Contact): Promise<void>;
  /** Change only the user's own choices, creating a bare contact if needed. */
  setOverrides(userId: string, email: string, overrides: ContactOverrides, now: string): Promise<Contact>;
  listForUser(userId: string, options?: PageOptions): Promise<Page<Contact>>;
  /** Contacts the user chose a level, key flag or cadence for (a sparse index; small). */
  listWithChoices(userId: string, options?: PageOptions): Promise<Page<Contact>>;
  /** Contacts of one organization (second-hand relationships). */
  listByDomain(userId: string, domain: string, options?: PageOptions): Promise<Page<Contact>>;
}

export interface SuggestionRepository {
  get(userId: string, id: string): Promise<Suggestion | undefined>;
  put(suggestion: Suggestion): Promise<void>;
  /** State change from the user; fails with ConditionalWriteError if it changed meanwhile. */
  setState(
    userId: string,
    id: string,
    state: SuggestionState,
    now: string,
    snoozedUntil?: string,
  ): Promise<Suggestion>;
  listForUser(userId: string, options?: PageOptions & { state?: SuggestionState }): Promise<Page<Suggestion>>;
  listForMeeting(userId: string, provider: Provider, eventId: string): Promise<Suggestion[]>;
  listForContact(userId: string, contactEmail: string): Promise<Suggestion[]>;
}

export interface DeliveryRepository {
  /** Conditional put: returns false (and writes nothing) if this delivery was recorded before. */
  record(delivery: Delivery): Promise<boolean>;
  get(userId: string, kind: Delivery["kind"], key: string): Promise<Delivery | undefined>;
  /** Undo a record whose send failed, so the next run tries again. */
  remove(userId: string, kind: Delivery["kind"], key: string): Promise<void>;
}

export interface Store {
  users: UserRepository;
  connections: ConnectionRepository;
  subscriptions: SubscriptionRepository;
  meetings: MeetingRepository;
  interactions: InteractionRepository;
  contacts: ContactRepository;
  suggestions: SuggestionRepository;
  deliveries: DeliveryRepository;
}
