import { AttendeeResponse, RelationshipLevel, Severity } from "@rapport/core";
import { z } from "zod";

/**
 * What the renderers take: plain data, already chosen and sorted by the jobs in @rapport/notify.
 * Every link is absolute and comes from here, so the templates never invent a URL.
 */

const WebUrl = z.url({ protocol: /^https?$/ });
/** Suggestion actions may also be prefilled drafts (mailto:), which every mail client opens. */
const ActionUrl = z.url({ protocol: /^(https?|mailto)$/ });

export const EmailLinks = z.object({
  /** The sidebar (add-in page) where suggestions are acted on. */
  sidebar: WebUrl,
  settings: WebUrl,
  /** One-click unsubscribe, carrying the user's token. */
  unsubscribe: WebUrl,
});
export type EmailLinks = z.infer<typeof EmailLinks>;

export const PersonRef = z.object({ email: z.string().min(3), name: z.string().optional() });
export type PersonRef = z.infer<typeof PersonRef>;

/** One attendee as the briefing describes them: level, last met, last mail, the history in numbers. */
export const BriefingAttendee = PersonRef.extend({
  organization: z.string(),
  isInternal: z.boolean(),
  isOrganizer: z.boolean().default(false),
  response: AttendeeResponse,
  level: RelationshipLevel,
  levelChosen: z.boolean(),
  key: z.boolean(),
  /** False for someone the user has never met or written to. */
  known: z.boolean(),
  lastMetAt: z.string().optional(),
  lastMailInAt: z.string().optional(),
  lastMailOutAt: z.string().optional(),
  meetingsHeld: z.number().int().nonnegative(),
  mailIn: z.number().int().nonnegative(),
  mailOut: z.number().int().nonnegative(),
  unansweredInbound: z.number().int().nonnegative(),
});
export type BriefingAttendee = z.infer<typeof BriefingAttendee>;

export const BriefingSuggestion = z.object({
  title: z.string(),
  explanation: z.string(),
  severity: Severity,
  actions: z.array(z.object({ label: z.string(), href: ActionUrl })),
});
export type BriefingSuggestion = z.infer<typeof BriefingSuggestion>;

export const MeetingBrief = z.object({
  subject: z.string().optional(),
  start: z.string(),
  end: z.string(),
  isOrganizer: z.boolean(),
  organizer: PersonRef,
  isOnline: z.boolean().optional(),
  attendees: z.array(BriefingAttendee),
  /** Open suggestions, best first; the jobs cap the list and count the rest in `moreSuggestions`. */
  suggestions: z.array(BriefingSuggestion),
  moreSuggestions: z.number().int().nonnegative().default(0),
});
export type MeetingBrief = z.infer<typeof MeetingBrief>;

const Recipient = z.object({
  /** The user's name, for the greeting. */
  userName: z.string().optional(),
  /** When the email is built (ISO), to say "12 days ago". */
  now: z.string(),
  /** The user's IANA zone: every time shown is local to the reader. */
  timeZone: z.string(),
  links: EmailLinks,
});

export const BriefingView = Recipient.extend({ meeting: MeetingBrief });
export type BriefingView = z.input<typeof BriefingView>;

/** The morning digest: the day's meetings, each briefed as above. */
export const DigestView = Recipient.extend({
  /** Local date of the digest, yyyy-mm-dd. */
  date: z.string(),
  meetings: z.array(MeetingBrief),
});
export type DigestView = z.input<typeof DigestView>;

const Listed = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int().nonnegative() });

export const OverdueContact = PersonRef.extend({
  level: RelationshipLevel,
  key: z.boolean(),
  daysSince: z.number().int().nonnegative(),
  cadenceDays: z.number().int().positive(),
  daysOverdue: z.number().int().nonnegative(),
  nextStep: z.string(),
  nextMeetingAt: z.string().optional(),
});
export type OverdueContact = z.infer<typeof OverdueContact>;

export const OneSided = PersonRef.extend({
  byUser: z.number().int().nonnegative(),
  byContact: z.number().int().nonnegative(),
});

export const WeeklyReportView = Recipient.extend({
  week: z.object({
    /** ISO week, e.g. 2026-W45. */
    isoWeek: z.string(),
    /** Local Monday and Sunday, yyyy-mm-dd. */
    start: z.string(),
    end: z.string(),
  }),
  health: z.object({
    /** 0-100, null when no contact had any interaction in the last 90 days. */
    score: z.number().min(0).max(100).nullable(),
    contactsCounted: z.number().int().nonnegative(),
    keyContactsCounted: z.number().int().nonnegative(),
    /** Eight weekly points, oldest first, the last one this week. */
    trend: z.array(z.object({ weekStart: z.string(), score: z.number().min(0).max(100).nullable() })),
  }),
  overdue: Listed(OverdueContact),
  levelChanges: Listed(
    PersonRef.extend({ from: RelationshipLevel.optional(), to: RelationshipLevel, chosen: z.boolean() }),
  ),
  oneSided: z.object({ youStart: z.array(OneSided), theyStart: z.array(OneSided) }),
  unanswered: Listed(
    PersonRef.extend({ count: z.number().int().positive(), oldestAt: z.string().optional() }),
  ),
  targets: z.object({
    goal: z.number().int().positive(),
    reachedThisWeek: z.number().int().nonnegative(),
    targetCount: z.number().int().nonnegative(),
    weeks: z.array(z.object({ weekStart: z.string(), reached: z.number().int().nonnegative() })),
    /** Who to reach out to next, when the goal is not met yet. */
    next: PersonRef.extend({ lastContactAt: z.string().optional() }).optional(),
  }),
  unannounced: Listed(
    z.object({
      meetingSubject: z.string().optional(),
      meetingStart: z.string(),
      person: PersonRef,
      isOrganizer: z.boolean(),
      /** Who would like to hear about it (organizer: the earlier attendees; attendee: nobody). */
      tell: z.array(PersonRef),
    }),
  ),
  secondHand: Listed(PersonRef.extend({ keyContact: PersonRef, reason: z.string() })),
});
export type WeeklyReportView = z.input<typeof WeeklyReportView>;

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}
