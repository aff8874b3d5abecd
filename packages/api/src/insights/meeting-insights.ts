import { type Meeting, type MeetingInsights, normalizeEmail, type Provider, type User } from "@rapport/core";
import { rankSuggestions } from "@rapport/analysis";
import type { Store } from "@rapport/store";
import { relationshipCard } from "./cards.ts";

/**
 * What the sidebar, the Google card and the briefing show for one meeting: every attendee's
 * card and the meeting's open suggestions, the few most important first.
 */
export async function buildMeetingInsights(
  store: Store,
  user: User,
  ref: { provider: Provider; eventId?: string; iCalUId?: string },
): Promise<MeetingInsights | undefined> {
  const meeting = await findMeeting(store, user, ref);
  if (!meeting) return undefined;
  const own = new Set([user.email, ...user.settings.aliases].map(normalizeEmail));
  const people = meeting.attendees.filter((a) => !own.has(normalizeEmail(a.email)));
  const contacts = await store.contacts.getMany(user.userId, people.map((a) => normalizeEmail(a.email)));
  const byEmail = new Map(contacts.map((c) => [c.email, c]));
  const suggestions = (await store.suggestions.listForMeeting(user.userId, meeting.provider, meeting.eventId)).filter(
    (s) => s.state === "open",
  );
  const { top, more } = rankSuggestions(suggestions, 3);
  return {
    meeting: {
      provider: meeting.provider,
      eventId: meeting.eventId,
      subject: meeting.subject,
      start: meeting.start,
      end: meeting.end,
      isOrganizer: meeting.isOrganizer,
      organizer: meeting.organizer,
    },
    attendees: people.map((a) => ({
      ...relationshipCard(user, a.email, byEmail.get(normalizeEmail(a.email)), a.name),
      response: a.response,
      type: a.type,
    })),
    suggestions: top,
    more,
  };
}

// Clients know different ids: Outlook the REST id, Google the event id or, for an occurrence,
// its recurringEventId; both can fall back to the iCalUId.
async function findMeeting(store: Store, user: User, ref: { provider: Provider; eventId?: string; iCalUId?: string }) {
  if (ref.eventId) {
    const direct = await store.meetings.get(user.userId, ref.provider, ref.eventId);
    if (direct) return direct;
  }
  if (ref.iCalUId) {
    const matches = (await store.meetings.getByICalUId(user.userId, ref.iCalUId)).filter((m) => m.provider === ref.provider);
    return nextOccurrence(matches);
  }
  return undefined;
}

function nextOccurrence(meetings: Meeting[]): Meeting | undefined {
  return [...meetings].sort((a, b) => a.start.localeCompare(b.start))[0];
}
