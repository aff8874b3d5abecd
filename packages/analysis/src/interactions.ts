import { type Interaction, type MailMessage, type Meeting, normalizeEmail } from "@rapport/core";
import { isPerson, meetingHeadcount, ownAddresses, type UserContext } from "./identity.ts";

/** Mail to more than this many recipients is group mail. */
export const PERSONAL_MAIL_MAX_RECIPIENTS = 10;

/** Group mail resets the reconnect clock but counts toward nothing else. */
export function isGroupMail(interaction: Pick<Interaction, "participantCount">): boolean {
  return interaction.participantCount > PERSONAL_MAIL_MAX_RECIPIENTS;
}

/** A meeting interaction that comes from a large meeting (more than 15 people). */
export function isLargeMeetingInteraction(interaction: Pick<Interaction, "participantCount">): boolean {
  return interaction.participantCount >= 15;
}

/**
 * One interaction per other person on a meeting (organizer and attendees; never resources,
 * lists or the user's own addresses). participantCount is the number of people on the meeting
 * besides the user (resources excluded), so participantCount >= 15 means a large meeting and
 * participantCount === 1 a one-on-one. Series masters stand for no concrete meeting: none.
 */
export function interactionsFromMeeting(meeting: Meeting, user: UserContext): Interaction[] {
  if (meeting.type === "seriesMaster") return [];
  const own = ownAddresses(user);
  const organizer = normalizeEmail(meeting.organizer.email);
  const participantCount = meetingHeadcount(meeting, user) - 1;
  const userDeclined = meeting.userResponse === "declined";
  const people = new Map<string, boolean>(); // address -> declined
  if (isPerson(meeting.organizer.email) && !own.has(organizer)) people.set(organizer, false);
  for (const a of meeting.attendees) {
    const email = normalizeEmail(a.email);
    if (!isPerson(a) || own.has(email)) continue;
    people.set(email, (people.get(email) ?? false) || a.response === "declined");
  }
  const recurring = meeting.seriesId !== undefined || meeting.type !== "single";
  const initiator = (contact: string): Interaction["initiatedBy"] =>
    own.has(organizer) || meeting.isOrganizer ? "user" : organizer === contact ? "contact" : "other";
  return [...people].map(([contactEmail, declined]) => ({
    userId: user.userId,
    contactEmail,
    provider: meeting.provider,
    kind: "meeting" as const,
    sourceId: meeting.eventId,
    at: meeting.start,
    initiatedBy: initiator(contactEmail),
    participantCount,
    status: meeting.isCancelled ? "cancelled" : userDeclined || declined ? "declined" : "held",
    endAt: meeting.end,
    recurring,
  }));
}

/**
 * Mail counts as contact with its sender (inbound) or with each To/Cc recipient of a message the
 * user sent (outbound); other people on an inbound message are not contact. participantCount is
 * the number of people on the message besides the user; a message that reached the user without
 * naming them in To or Cc (a list, Bcc) is recorded as group mail (participantCount above 10).
 */
export function interactionsFromMessage(message: MailMessage, user: UserContext): Interaction[] {
  const own = ownAddresses(user);
  const from = normalizeEmail(message.from.email);
  const recipients = new Set([...message.to, ...message.cc].map((p) => normalizeEmail(p.email)));
  const outbound = own.has(from) || message.direction === "outbound";
  const others = new Set([from, ...recipients]);
  for (const o of own) others.delete(o);
  const addressed = outbound || [...recipients].some((r) => own.has(r));
  const group = recipients.size > PERSONAL_MAIL_MAX_RECIPIENTS || !addressed;
  const participantCount = group
    ? Math.max(others.size, PERSONAL_MAIL_MAX_RECIPIENTS + 1)
    : Math.min(others.size, PERSONAL_MAIL_MAX_RECIPIENTS);
  const contacts = outbound ? [...recipients].filter((r) => !own.has(r)) : own.has(from) ? [] : [from];
  return contacts
    .filter((c) => isPerson(c))
    .map((contactEmail) => {
      const interaction: Interaction = {
        userId: user.userId,
        contactEmail,
        provider: message.provider,
        kind: "mail",
        sourceId: message.messageId,
        at: message.sentAt,
        initiatedBy: outbound ? "user" : "contact",
        direction: outbound ? "outbound" : "inbound",
        participantCount,
      };
      if (message.threadId) interaction.threadId = message.threadId;
      return interaction;
    });
}
