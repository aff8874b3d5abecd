import type { DemoOrganization } from "@rapport/demo-data";
import { demoMailboxTimeline } from "./demo-mapper.ts";
import { GraphHttpError } from "./errors.ts";
import { instancesInWindow, parseOccurrenceId, renderEvent } from "./event-view.ts";
import type { FaultInput } from "./faults.ts";
import type { Mailbox } from "./mailbox-store.ts";
import { type LifecycleEvent, notifyEventChange, sendLifecycle } from "./notifications.ts";
import type { EmulatorState, RecordedRequest, SentMail } from "./state.ts";
import { renderSubscription } from "./subscriptions.ts";

/** The in-process admin API; the HTTP admin routes under `/_emulator` call exactly these. */
export interface GraphEmulatorAdmin {
  addMailbox(input: { email: string; name: string; timeZone: string }): { email: string; id: string };
  upsertEvent(email: string, eventId: string, event: unknown): Record<string, unknown>;
  deleteEvent(email: string, eventId: string): void;
  addMessage(email: string, message: unknown): Record<string, unknown>;
  /** The truth: current non-deleted events (series expanded over a wide window). */
  listEvents(email: string): Record<string, unknown>[];
  setClock(now: Date | undefined): void;
  setFaults(faults: FaultInput): void;
  sendLifecycle(email: string, event: LifecycleEvent, subscriptionId?: string): number;
  removeSubscription(subscriptionId: string): void;
  sentMail(): SentMail[];
  requests(): RecordedRequest[];
  subscriptions(): Record<string, unknown>[];
  maxConcurrency(email: string): number;
  flush(): Promise<void>;
  issueApiToken(input: { email: string; audience?: string; scopes?: string[] }): Promise<string>;
  seedDemo(org: DemoOrganization): void;
}

const WIDE = { startMs: Date.parse("1900-01-01T00:00:00Z"), endMs: Date.parse("2200-01-01T00:00:00Z") };

export function createAdmin(state: EmulatorState): GraphEmulatorAdmin {
  const mailbox = (email: string): Mailbox => {
    const found = state.mailbox(email);
    if (!found) throw new GraphHttpError(404, "ErrorItemNotFound", `No mailbox ${email}.`);
    return found;
  };
  const admin: GraphEmulatorAdmin = {
    addMailbox(input) {
      const m = state.addMailbox(input);
      return { email: m.email, id: m.id };
    },
    upsertEvent(email, eventId, event) {
      const m = mailbox(email);
      const { event: stored, changeType } = m.upsertEvent(eventId, event, state.now().getTime());
      notifyEventChange(state, m, stored, changeType);
      return stored.json;
    },
    deleteEvent(email, eventId) {
      const m = mailbox(email);
      const stored = m.deleteEvent(eventId, parseOccurrenceId(eventId));
      if (!stored)
        throw new GraphHttpError(
          404,
          "ErrorItemNotFound",
          "The specified object was not found in the store.",
        );
      notifyEventChange(state, m, stored, stored.deleted ? "deleted" : "updated");
    },
    addMessage(email, message) {
      return mailbox(email).addMessage(message, state.now().getTime()).json;
    },
    listEvents(email) {
      return instancesInWindow(mailbox(email), WIDE).map((i) => renderEvent(i));
    },
    setClock(now) {
      state.setClock(now);
    },
    setFaults(input) {
      const { expireDeltaTokens, revokeRefreshTokens, expireAccessTokens, email, ...knobs } = input;
      for (const [key, value] of Object.entries(knobs))
        if (value !== undefined) Object.assign(state.faults, { [key]: value });
      const targets = email ? [mailbox(email)] : [...state.mailboxes.values()];
      if (expireDeltaTokens) {
        for (const m of targets) {
          m.deltaEpoch += 1;
          m.deltaExpiryCode = expireDeltaTokens === "resyncRequired" ? "resyncRequired" : "syncStateNotFound";
        }
      }
      if (expireAccessTokens) {
        for (const jti of state.issuedTokens) state.expiredTokens.add(jti);
      }
      if (revokeRefreshTokens) {
        const emails = new Set(targets.map((m) => m.email));
        for (const grant of state.refreshGrants.values()) if (emails.has(grant.mailbox)) grant.revoked = true;
      }
    },
    sendLifecycle: (email, event, subscriptionId) => sendLifecycle(state, email, event, subscriptionId),
    removeSubscription(subscriptionId) {
      const record = state.subscriptions.get(subscriptionId);
      if (!record) throw new GraphHttpError(404, "ResourceNotFound", "No such subscription.");
      sendLifecycle(state, record.mailbox, "subscriptionRemoved", subscriptionId);
    },
    sentMail: () => [...state.sentMail],
    requests: () => [...state.requests],
    subscriptions: () =>
      [...state.subscriptions.values()].map((s) => ({
        ...renderSubscription(state, s),
        mailbox: s.mailbox,
        immutableIds: s.immutableIds,
      })),
    maxConcurrency: (email) => state.maxInFlight.get(email.toLowerCase()) ?? 0,
    flush: () => state.notifier.flush(),
    async issueApiToken({ email, audience, scopes }) {
      const m = mailbox(email);
      return state.issuer.accessToken(
        { oid: m.id, email: m.email, name: m.name },
        {
          audience: audience ?? state.app.apiAudience,
          clientId: state.app.clientId,
          scopes: scopes ?? ["access_as_user"],
        },
        state.now(),
      );
    },
    seedDemo(org) {
      for (const demo of org.mailboxes) {
        const m = state.addMailbox({
          email: demo.owner.email,
          name: demo.owner.name,
          timeZone: demo.timeZone,
        });
        for (const op of demoMailboxTimeline(demo, org)) {
          const nowMs = Date.parse(op.at);
          if (op.op === "event.upsert") m.upsertEvent(op.event.id as string, op.event, nowMs);
          else if (op.op === "event.delete") m.deleteEvent(op.eventId, parseOccurrenceId(op.eventId));
          else m.addMessage(op.message, nowMs);
        }
      }
    },
  };
  return admin;
}
