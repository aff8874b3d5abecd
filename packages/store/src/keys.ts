import { normalizeEmail, type Provider } from "@rapport/core";

/**
 * The only place key strings are built. See docs/data-model.md for the access pattern each
 * key serves. Dynamic segments are escaped so a `#` inside an id can never shift a boundary.
 */

export function segment(value: string): string {
  if (typeof value !== "string" || value === "") {
    throw new TypeError(`A key part must be a non-empty string, got ${JSON.stringify(value)}`);
  }
  return value.replaceAll("%", "%25").replaceAll("#", "%23");
}

/** ISO instant normalized to millisecond UTC, so string order is time order. */
export function timeKey(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new TypeError(`Not an ISO date-time: ${JSON.stringify(iso)}`);
  return new Date(ms).toISOString();
}

const join = (...parts: string[]) => parts.join("#");

export const userPartition = (userId: string) => join("USER", segment(userId));

export const keys = {
  user: (userId: string) => ({ pk: userPartition(userId), sk: "USER" }),
  usersIndex: () => "USERS",
  emailLookup: (email: string) => ({ pk: join("EMAIL", segment(normalizeEmail(email))), sk: "EMAIL" }),

  connection: (userId: string, provider: Provider) => ({
    pk: userPartition(userId),
    sk: join("CONNECTION", provider),
  }),
  connectionPrefix: () => "CONNECTION#",
  connectionsIndex: () => "CONNECTIONS",
  account: (provider: Provider, accountId: string) => join("ACCOUNT", provider, segment(accountId)),

  subscription: (userId: string, provider: Provider, subscriptionId: string) => ({
    pk: userPartition(userId),
    sk: join("SUBSCRIPTION", provider, segment(subscriptionId)),
  }),
  subscriptionPrefix: () => "SUBSCRIPTION#",
  subscriptionsIndex: () => "SUBSCRIPTIONS",
  subscriptionById: (provider: Provider, subscriptionId: string) =>
    join("SUBSCRIPTION", provider, segment(subscriptionId)),

  meeting: (userId: string, provider: Provider, eventId: string) => ({
    pk: userPartition(userId),
    sk: join("MEETING", provider, segment(eventId)),
  }),
  meetingPrefix: () => "MEETING#",
  meetingsByStart: (userId: string) => join(userPartition(userId), "MEETINGS"),
  meetingsByICalUId: (userId: string, iCalUId: string) =>
    join(userPartition(userId), "ICAL", segment(iCalUId)),
  meetingsBySeries: (userId: string, seriesId: string) =>
    join(userPartition(userId), "SERIES", segment(seriesId)),

  interaction: (
    userId: string,
    i: { provider: Provider; kind: string; sourceId: string; contactEmail: string },
  ) => ({
    pk: userPartition(userId),
    sk: join(
      keys.interactionSourcePrefix(i.provider, i.kind, i.sourceId),
      segment(normalizeEmail(i.contactEmail)),
    ),
  }),
  /** Ends with `#`, so source "ab" never matches source "abc". */
  interactionSourcePrefix: (provider: Provider, kind: string, sourceId: string) =>
    `${join("INTERACTION", provider, kind, segment(sourceId))}#`,
  interactionsWith: (userId: string, contactEmail: string) =>
    join(userPartition(userId), "WITH", segment(normalizeEmail(contactEmail))),
  interactionsByTime: (userId: string) => join(userPartition(userId), "INTERACTIONS"),

  contact: (userId: string, email: string) => ({
    pk: userPartition(userId),
    sk: join("CONTACT", segment(normalizeEmail(email))),
  }),
  contactPrefix: () => "CONTACT#",
  /** Sparse: only contacts the user chose something about (level, key, cadence). */
  contactsWithChoices: (userId: string) => join(userPartition(userId), "CHOSEN_CONTACTS"),
  contactsByDomain: (userId: string, domain: string) =>
    join(userPartition(userId), "DOMAIN", segment(domain.toLowerCase())),

  suggestion: (userId: string, id: string) => ({
    pk: userPartition(userId),
    sk: join("SUGGESTION", segment(id)),
  }),
  suggestionPrefix: () => "SUGGESTION#",
  suggestionsByState: (userId: string, state: string) => join(userPartition(userId), "SUGGESTIONS", state),
  suggestionsForMeeting: (userId: string, provider: Provider, eventId: string) =>
    join(userPartition(userId), "MEETING_SUGGESTIONS", provider, segment(eventId)),
  suggestionsForContact: (userId: string, contactEmail: string) =>
    join(userPartition(userId), "CONTACT_SUGGESTIONS", segment(normalizeEmail(contactEmail))),

  delivery: (userId: string, kind: string, key: string) => ({
    pk: userPartition(userId),
    sk: join("DELIVERY", kind, segment(key)),
  }),

  /** A sort key that orders by time, then by a tiebreaker. */
  timeOrdered: (iso: string, tiebreak: string) => join(timeKey(iso), tiebreak),
};
