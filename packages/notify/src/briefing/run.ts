import type { Contact, Meeting, User } from "@rapport/core";
import { renderBriefing, renderDigest } from "@rapport/email";
import { emptySummary, type JobInput, type JobSummary } from "../contracts.ts";
import { deliverOnce, errorReason } from "../deliver.ts";
import { eachUser, withUnsubscribeToken } from "../users.ts";
import {
  type BriefingWindow,
  briefingKey,
  briefingWindow,
  deservesBriefing,
  type MeetingPerson,
  meetingPeople,
} from "./select.ts";
import { meetingBrief } from "./view.ts";

/**
 * The briefing job (every 5 minutes): for each user with briefings on and not a quiet day,
 * one email per meeting starting within their lead time, or one morning digest.
 */
export async function runBriefings(input: JobInput): Promise<JobSummary> {
  const summary = emptySummary();
  for await (const user of eachUser(input.store)) {
    const window = briefingWindow(user, input.now);
    if (!window) continue;
    try {
      await briefUser(input, user, window, summary);
    } catch (error) {
      summary.failed.push({ userId: user.userId, reason: errorReason(error) });
    }
  }
  return summary;
}

interface Candidate {
  meeting: Meeting;
  people: MeetingPerson[];
}

async function briefUser(input: JobInput, user: User, window: BriefingWindow, summary: JobSummary) {
  const { store, now } = input;
  const candidates: Candidate[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.meetings.listByStart(user.userId, window.from, window.to, {
      limit: 100,
      cursor,
    });
    for (const meeting of page.items) candidates.push({ meeting, people: meetingPeople(user, meeting) });
    cursor = page.cursor;
  } while (cursor);
  if (candidates.length === 0) return;

  const emails = [...new Set(candidates.flatMap((c) => c.people.map((p) => p.email)))];
  const contacts = new Map<string, Contact>(
    (await store.contacts.getMany(user.userId, emails)).map((c) => [c.email, c]),
  );
  const chosen = candidates.filter((c) => deservesBriefing(user, c.meeting, c.people, contacts));
  if (chosen.length === 0) return;

  const reader = await withUnsubscribeToken(store, user, now);
  const links = input.links(reader);
  const common = { userName: reader.name, now: now.toISOString(), timeZone: reader.settings.timeZone, links };
  const briefs = (c: Candidate) => meetingBrief(store, reader, c.meeting, c.people, contacts, links, now);

  if (window.mode === "digest") {
    // Cheap check first; the conditional record in deliverOnce is what guarantees once.
    if (await store.deliveries.get(user.userId, "digest", window.date)) return;
    const email = await renderDigest({
      ...common,
      date: window.date,
      meetings: await Promise.all(chosen.map(briefs)),
    });
    count(summary, await send(input, reader, "digest", window.date, email, links.unsubscribe));
    return;
  }
  for (const candidate of chosen) {
    const key = briefingKey(candidate.meeting);
    if (await store.deliveries.get(user.userId, "briefing", key)) {
      summary.alreadySent++;
      continue;
    }
    const email = await renderBriefing({ ...common, meeting: await briefs(candidate) });
    count(summary, await send(input, reader, "briefing", key, email, links.unsubscribe));
  }
}

function send(
  input: JobInput,
  user: User,
  kind: "briefing" | "digest",
  key: string,
  email: { subject: string; html: string; text: string },
  unsubscribeUrl: string,
) {
  const delivery = { userId: user.userId, kind, key, sentAt: input.now.toISOString() };
  return deliverOnce(input.store, input.sender, delivery, { to: user.email, ...email, unsubscribeUrl });
}

function count(summary: JobSummary, outcome: "sent" | "already_sent") {
  if (outcome === "sent") summary.sent++;
  else summary.alreadySent++;
}
