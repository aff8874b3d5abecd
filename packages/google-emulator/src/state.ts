import { createHash, randomBytes } from "node:crypto";

/** A Google Calendar `Event` or Gmail `Message` as JSON; the emulator keeps Google's shape. */
export type Json = Record<string, unknown>;

export interface StoredEvent {
  /** The event as Google would return it (`kind`, `etag`, `updated` filled in). */
  event: Json;
  /** Change sequence of its latest version; sync tokens compare against it. */
  seq: number;
}

export interface StoredMessage {
  message: Json;
  internalDate: number;
  historyId: number;
}

export interface HistoryRecord {
  id: number;
  message: { id: string; threadId: string; labelIds: string[] };
}

export interface Channel {
  id: string;
  resourceId: string;
  resourceUri: string;
  token?: string;
  address: string;
  /** Expiry, ms since epoch, compared with the emulator clock. */
  expiration: number;
  mailbox: string;
  messageNumber: number;
  stopped: boolean;
}

export interface Mailbox {
  email: string;
  name: string;
  timeZone: string;
  /** Google account id (`sub`), a decimal string as Google's are. */
  sub: string;
  /** Opaque id of the primary calendar's events collection, stable for channels. */
  calendarResourceId: string;
  events: Map<string, StoredEvent>;
  seq: number;
  /** Sync tokens issued before the current epoch are expired (fault knob). */
  syncEpoch: number;
  messages: Map<string, StoredMessage>;
  history: HistoryRecord[];
  historyId: number;
  /** history.list with a startHistoryId below this answers 404 (fault knob). */
  historyFloor: number;
}

export interface Faults {
  duplicatePushes: boolean;
  dropPushes: boolean;
  /** How many of the next API calls fail, alternately 429 and 403 rateLimitExceeded. */
  rateLimitNext: number;
  /** Channel lifetime for new channels, overriding the requested one. */
  channelTtlSeconds?: number;
  /** Scopes the "user" unticks on the consent screen (granular consent). */
  denyScopes: string[];
}

export interface SentMail {
  id: string;
  threadId: string;
  mailbox: string;
  sentAt: string;
  raw: string;
  from?: string;
  to?: string;
  subject?: string;
  text?: string;
  html?: string;
}

export interface AccessGrant {
  email: string;
  scopes: string[];
  clientId: string;
}

export interface EmulatorState {
  mailboxes: Map<string, Mailbox>;
  channels: Map<string, Channel>;
  faults: Faults;
  rateLimitFlip: number;
  sentMail: SentMail[];
  /** Access token -> grant, with its expiry in real time (tokens are transport, not scenario). */
  accessTokens: Map<string, AccessGrant & { expiresAtMs: number }>;
  refreshTokens: Map<string, AccessGrant>;
  authCodes: Map<string, AccessGrant & { redirectUri: string; challenge: string; expiresAtMs: number }>;
  now: () => Date;
  setNow: (now: Date | undefined) => void;
}

export function createState(clock: () => Date): EmulatorState {
  let fixed: Date | undefined;
  return {
    mailboxes: new Map(),
    channels: new Map(),
    faults: { duplicatePushes: false, dropPushes: false, rateLimitNext: 0, denyScopes: [] },
    rateLimitFlip: 0,
    sentMail: [],
    accessTokens: new Map(),
    refreshTokens: new Map(),
    authCodes: new Map(),
    now: () => (fixed ? new Date(fixed) : clock()),
    setNow: (now) => {
      fixed = now;
    },
  };
}

export function newMailbox(email: string, name: string, timeZone: string): Mailbox {
  const digest = createHash("sha256").update(email.toLowerCase()).digest();
  return {
    email,
    name,
    timeZone,
    sub: `1${digest.readBigUInt64BE(0).toString().padStart(20, "0")}`,
    calendarResourceId: randomId(16),
    events: new Map(),
    seq: 0,
    syncEpoch: 0,
    messages: new Map(),
    history: [],
    historyId: 1000 + (digest.readUInt16BE(8) % 1000),
    historyFloor: 0,
  };
}

export function findMailbox(state: EmulatorState, email: string): Mailbox | undefined {
  return state.mailboxes.get(email.toLowerCase());
}

export function randomId(bytes: number): string {
  return randomBytes(bytes).toString("base64url").replace(/[-_]/g, "x");
}
