/**
 * Provider-neutral shapes of the demo organization. Both emulators convert these into their
 * provider's own JSON (Graph `event`/`message`, Google `Event`/Gmail `Message`).
 * All instants are ISO 8601 strings in UTC.
 */

export interface DemoPerson {
  email: string;
  name: string;
  /** Organization name (by mail domain). */
  organization: string;
  role?: string;
  /** Rooms and equipment: attendees of type `resource`. */
  isResource?: boolean;
}

export type DemoAttendeeType = "required" | "optional" | "resource";
export type DemoResponse = "needsAction" | "accepted" | "tentative" | "declined";

export interface DemoAttendee {
  email: string;
  type: DemoAttendeeType;
  response: DemoResponse;
  respondedAt?: string;
}

/** Weekly series; the weekday comes from `start` in the event's `timeZone`. */
export interface DemoRecurrence {
  frequency: "weekly";
  interval: number;
  count: number;
  /** Lower-case English weekday names, e.g. ["tuesday"]. */
  daysOfWeek: string[];
}

/** A later edit of an event. Fields not given keep their previous value. */
export interface DemoEventVersion {
  at: string;
  attendees?: DemoAttendee[];
  subject?: string;
  start?: string;
  end?: string;
  isCancelled?: boolean;
}

export interface DemoEvent {
  /** Stable id within one mailbox; emulators may derive provider-shaped ids from it. */
  id: string;
  subject: string;
  start: string;
  end: string;
  /** IANA zone the organizer scheduled in. */
  timeZone: string;
  isAllDay?: boolean;
  /** Organizer address. The organizer is not repeated in `attendees`. */
  organizer: string;
  attendees: DemoAttendee[];
  createdAt: string;
  /** Present on a series master. */
  recurrence?: DemoRecurrence;
  /** On an exception or cancelled occurrence: the id of the series master. */
  seriesId?: string;
  /** On an exception or cancelled occurrence: the occurrence's start as first scheduled. */
  originalStart?: string;
  isCancelled: boolean;
  /** Later edits in time order; the fields above are the first version, at `createdAt`. */
  versions?: DemoEventVersion[];
}

export interface DemoMessage {
  id: string;
  threadId: string;
  subject: string;
  from: string;
  to: string[];
  cc: string[];
  sentAt: string;
}

export interface DemoMailbox {
  owner: DemoPerson;
  timeZone: string;
  events: DemoEvent[];
  messages: DemoMessage[];
}

export type DemoRelationshipLevel = "trusted" | "transactional" | "tentative" | "target";

/** A choice the demo user made in the sidebar (scenario `contact.set`). */
export interface DemoContactSetting {
  /** The mailbox owner who made the choice. */
  user: string;
  email: string;
  level?: DemoRelationshipLevel;
  key?: boolean;
  cadenceDays?: number;
}

export interface DemoOrganization {
  /** The `now` the organization was built around. */
  now: string;
  people: DemoPerson[];
  /** The primary demo user's mailbox first. */
  mailboxes: DemoMailbox[];
  contactSettings: DemoContactSetting[];
}
