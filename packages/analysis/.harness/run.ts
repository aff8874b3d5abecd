// Throwaway: replays scenarios in-process through the mappers, history merge and this package.
import { readdirSync, readFileSync } from "node:fs";
import {
  type Contact,
  type ContactOverrides,
  defaultUserSettings,
  emailDomain,
  type MailMessage,
  type Meeting,
  normalizeEmail,
} from "@rapport/core";
import { mapGmailMessage, mapGoogleEvent } from "../../providers/src/google/index.ts";
import {
  GraphEvent,
  GraphMessage,
  mapGraphEvent,
  mapGraphMessage,
} from "../../providers/src/microsoft/index.ts";
import { mergeMeetingSnapshot } from "../../sync/src/meeting-history.ts";
import {
  analyze,
  inferLevel,
  interactionsFromMeeting,
  interactionsFromMessage,
  isInternal,
  summarizeContact,
  type UserContext,
} from "../src/index.ts";

const dir = process.argv[2] ?? "/work/main/test/scenarios";
const verbose = process.argv.includes("-v");
const byKind: Record<string, { tp: number; fp: number; fn: number }> = {};
const failed: string[] = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
  const sc = JSON.parse(readFileSync(`${dir}/${file}`, "utf8"));
  const user: UserContext = {
    userId: "u",
    email: normalizeEmail(sc.user.email),
    aliases: [],
    settings: defaultUserSettings({ timeZone: sc.user.timeZone ?? "UTC" }),
  };
  const meetings = new Map<string, Meeting>();
  const messages: MailMessage[] = [];
  const overrides = new Map<string, ContactOverrides>();
  const ctx = { userEmails: [user.email] };
  for (const op of sc.timeline) {
    if (op.op === "event.upsert") {
      let snap;
      if (sc.provider === "microsoft") snap = mapGraphEvent(GraphEvent.parse(op.event), ctx);
      else {
        const r = mapGoogleEvent(op.event, ctx);
        if (r.kind === "removed") {
          const m = meetings.get(r.eventId);
          if (m) meetings.set(r.eventId, { ...m, isCancelled: true });
          continue;
        }
        if (r.kind !== "upsert") {
          console.log("skip", r);
          continue;
        }
        snap = r.meeting;
      }
      meetings.set(
        snap.eventId,
        mergeMeetingSnapshot(meetings.get(snap.eventId), snap, { userId: "u", seenAt: op.at }),
      );
    } else if (op.op === "event.delete") {
      const m = meetings.get(op.eventId);
      if (m && process.env.DELETE === "remove") meetings.delete(op.eventId);
      else if (m) meetings.set(op.eventId, { ...m, isCancelled: true, lastModifiedAt: op.at });
    } else if (op.op === "message") {
      const m =
        sc.provider === "microsoft"
          ? mapGraphMessage(GraphMessage.parse(op.message), ctx)
          : (() => {
              const r = mapGmailMessage(op.message, ctx);
              return r.kind === "message" ? r.message : undefined;
            })();
      if (m) messages.push(m);
    } else if (op.op === "contact.set") {
      const o: ContactOverrides = { ...overrides.get(normalizeEmail(op.email)) };
      if (op.level !== undefined) o.level = op.level;
      if (op.key !== undefined) o.key = op.key;
      if (op.cadenceDays !== undefined) o.cadenceDays = op.cadenceDays;
      o.updatedAt = op.at;
      overrides.set(normalizeEmail(op.email), o);
    }
  }
  const now = sc.now;
  const all = [
    ...[...meetings.values()].flatMap((m) => interactionsFromMeeting(m, user)),
    ...messages.flatMap((m) => interactionsFromMessage(m, user)),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const people = new Set([...all.map((i) => i.contactEmail), ...overrides.keys()]);
  const contacts: Contact[] = [...people].map((email) => {
    const stats = summarizeContact(
      email,
      all.filter((i) => i.contactEmail === email),
      user,
      now,
    );
    const { level, health } = inferLevel(stats, now);
    return {
      userId: "u",
      email,
      domain: emailDomain(email),
      isInternal: isInternal(email, user),
      stats,
      inferredLevel: level,
      health,
      overrides: overrides.get(email) ?? {},
      updatedAt: now,
    };
  });
  const drafts = analyze({
    user,
    now,
    meetings: [...meetings.values()],
    contacts,
    mail: all.filter((i) => i.kind === "mail"),
  });
  const kinds = new Set(
    [...(sc.expect ?? []), ...(sc.expectAbsent ?? [])].map((e: { kind: string }) => e.kind),
  );
  const matches = (e: { kind: string; eventId?: string; contact?: string }, d: (typeof drafts)[number]) =>
    d.kind === e.kind &&
    (!e.eventId || d.meeting?.eventId === e.eventId) &&
    (!e.contact || normalizeEmail(e.contact) === d.contactEmail);
  let bad = false;
  const notes: string[] = [];
  for (const e of sc.expect ?? []) {
    const k = (byKind[e.kind] ??= { tp: 0, fp: 0, fn: 0 });
    if (drafts.some((d) => matches(e, d))) k.tp++;
    else {
      k.fn++;
      bad = true;
      notes.push(`FN ${JSON.stringify(e)}`);
    }
  }
  for (const d of drafts.filter((d) => kinds.has(d.kind))) {
    if ((sc.expect ?? []).some((e: never) => matches(e, d))) continue;
    const k = (byKind[d.kind] ??= { tp: 0, fp: 0, fn: 0 });
    k.fp++;
    bad = true;
    notes.push(`FP ${d.kind} ${d.contactEmail} ${d.meeting?.eventId ?? ""} :: ${d.title}`);
  }
  for (const e of sc.expectAbsent ?? [])
    if (drafts.some((d) => matches(e, d))) {
      bad = true;
      notes.push(`FP(absent) ${JSON.stringify(e)}`);
    }
  if (bad) {
    failed.push(file);
    if (verbose) console.log(`\n${file}\n  ${notes.join("\n  ")}`);
  }
}
console.log(JSON.stringify(byKind), "\nfailed:", failed.length, failed.join(" "));
