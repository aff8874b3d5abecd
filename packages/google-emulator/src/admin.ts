import { z } from "zod";
import { cancelEvent, upsertEvent } from "./calendar-store.ts";
import { addMessage } from "./gmail-store.ts";
import type { PushDispatcher, PushRecord } from "./push.ts";
import { subjectFor, type TokenSigner } from "./signing.ts";
import {
  type EmulatorState,
  type Faults,
  findMailbox,
  type Json,
  type Mailbox,
  newMailbox,
  type SentMail,
} from "./state.ts";

export const MailboxInput = z.object({
  email: z.email(),
  name: z.string().optional(),
  timeZone: z.string().default("UTC"),
});
export const FaultsInput = z.object({
  duplicatePushes: z.boolean().optional(),
  dropPushes: z.boolean().optional(),
  /** true = the next call; a number = that many calls. */
  rateLimitNext: z.union([z.boolean(), z.number().int().nonnegative()]).optional(),
  /** One-shot: every sync token issued so far answers 410. */
  expireSyncTokens: z.boolean().optional(),
  /** One-shot: every historyId issued so far answers 404. */
  expireHistoryIds: z.boolean().optional(),
  /** One-shot: every refresh token issued so far answers invalid_grant. */
  revokeRefreshTokens: z.boolean().optional(),
  /** Lifetime of channels created from now on; null restores Google's default. */
  channelTtlSeconds: z.number().int().positive().nullable().optional(),
  denyScopes: z.array(z.string()).optional(),
});
export const IdTokenInput = z.object({
  email: z.string().min(3),
  audience: z.string().min(1),
  issuer: z.string().optional(),
  name: z.string().optional(),
});
const GoogleJson = z.record(z.string(), z.unknown());

export class AdminError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

export interface MailboxInfo {
  email: string;
  name: string;
  timeZone: string;
  sub: string;
}

/** Everything the HTTP admin API under `/_emulator` can do, callable in-process and typed. */
export interface GoogleEmulatorAdmin {
  addMailbox(input: z.input<typeof MailboxInput>): MailboxInfo;
  mailboxes(): MailboxInfo[];
  /** Upsert a Google `Event`: a new version (updated/etag bumped) and an `exists` push. */
  upsertEvent(email: string, event: Json): Json;
  /** Cancel (Google keeps deleted events as `status: cancelled`) and push `exists`. */
  deleteEvent(email: string, eventId: string): void;
  /** Add a Gmail `Message` in format=metadata, with its history record. */
  addMessage(email: string, message: Json): Json;
  /** The stored events (series unexpanded, cancelled ones included): the truth for tests. */
  events(email: string): Json[];
  setClock(now: Date | string | null): void;
  setFaults(faults: z.input<typeof FaultsInput>): Faults;
  sentMail(): SentMail[];
  pushes(): PushRecord[];
  /** Resolves when every push sent so far has been delivered (or failed). */
  flush(): Promise<void>;
  idToken(input: z.input<typeof IdTokenInput>): Promise<string>;
}

export function createAdmin(
  state: EmulatorState,
  push: PushDispatcher,
  signer: TokenSigner,
  issuer: () => string,
): GoogleEmulatorAdmin {
  const mailbox = (email: string): Mailbox => {
    const found = findMailbox(state, email);
    if (!found) throw new AdminError(404, `no mailbox ${email}`);
    return found;
  };
  const info = (m: Mailbox): MailboxInfo => ({
    email: m.email,
    name: m.name,
    timeZone: m.timeZone,
    sub: m.sub,
  });
  const parse = <T>(schema: z.ZodType<T>, input: unknown): T => {
    const parsed = schema.safeParse(input);
    if (!parsed.success)
      throw new AdminError(
        400,
        parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; "),
      );
    return parsed.data;
  };

  return {
    addMailbox(input) {
      const { email, name, timeZone } = parse(MailboxInput, input);
      const existing = findMailbox(state, email);
      if (existing) {
        existing.name = name ?? existing.name;
        existing.timeZone = timeZone;
        return info(existing);
      }
      const created = newMailbox(email, name ?? email.split("@")[0] ?? email, timeZone);
      state.mailboxes.set(email.toLowerCase(), created);
      return info(created);
    },
    mailboxes: () => [...state.mailboxes.values()].map(info),
    upsertEvent(email, event) {
      const box = mailbox(email);
      const body = parse(GoogleJson, event);
      if (typeof body.id !== "string" || body.id.length === 0)
        throw new AdminError(400, "event id is required");
      const stored = upsertEvent(box, body, state.now());
      push.changed(box);
      return stored;
    },
    deleteEvent(email, eventId) {
      const box = mailbox(email);
      if (!cancelEvent(box, eventId, state.now())) throw new AdminError(404, `no event ${eventId}`);
      push.changed(box);
    },
    addMessage: (email, message) => addMessage(mailbox(email), parse(GoogleJson, message), state.now()),
    events: (email) => [...mailbox(email).events.values()].map((e) => e.event),
    setClock(now) {
      if (now === null) return state.setNow(undefined);
      const at = new Date(now);
      if (Number.isNaN(at.getTime())) throw new AdminError(400, "now must be an ISO date-time");
      state.setNow(at);
    },
    setFaults(input) {
      const f = parse(FaultsInput, input);
      const { faults } = state;
      if (f.duplicatePushes !== undefined) faults.duplicatePushes = f.duplicatePushes;
      if (f.dropPushes !== undefined) faults.dropPushes = f.dropPushes;
      if (f.rateLimitNext !== undefined)
        faults.rateLimitNext = f.rateLimitNext === true ? 1 : Number(f.rateLimitNext);
      if (f.channelTtlSeconds !== undefined) faults.channelTtlSeconds = f.channelTtlSeconds ?? undefined;
      if (f.denyScopes !== undefined) faults.denyScopes = f.denyScopes;
      for (const box of state.mailboxes.values()) {
        if (f.expireSyncTokens) box.syncEpoch += 1;
        if (f.expireHistoryIds) {
          box.historyId += 1;
          box.historyFloor = box.historyId;
        }
      }
      if (f.revokeRefreshTokens) state.refreshTokens.clear();
      return { ...faults };
    },
    sentMail: () => [...state.sentMail],
    pushes: () => [...push.log],
    flush: () => push.flush(),
    async idToken(input) {
      const { email, audience, issuer: override, name } = parse(IdTokenInput, input);
      const box = findMailbox(state, email);
      return signer.idToken({
        issuer: override ?? issuer(),
        audience,
        subject: box?.sub ?? subjectFor(email),
        email: box?.email ?? email,
        ...((name ?? box?.name) ? { name: name ?? box?.name } : {}),
      });
    },
  };
}
