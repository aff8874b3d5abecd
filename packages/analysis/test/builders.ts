import {
  type Attendee,
  type AttendeeChange,
  type AttendeeResponse,
  type Contact,
  type ContactOverrides,
  defaultUserSettings,
  emailDomain,
  type Interaction,
  type MailMessage,
  type Meeting,
  normalizeEmail,
  type SuggestionDraft,
} from "@rapport/core";
import { analyze } from "../src/analyze.ts";
import { summarizeContact } from "../src/contact-accumulator.ts";
import { isInternal, type UserContext } from "../src/identity.ts";
import type { AnalysisScope } from "../src/input.ts";
import { interactionsFromMeeting, interactionsFromMessage } from "../src/interactions.ts";
import { inferLevel } from "../src/levels.ts";

export const ME = "me@home.example";

export function userContext(overrides: Partial<UserContext> & { timeZone?: string } = {}): UserContext {
  const { timeZone, ...rest } = overrides;
  return {
    userId: "usr_test",
    email: ME,
    aliases: [],
    settings: defaultUserSettings(timeZone ? { timeZone } : {}),
    ...rest,
  };
}

/** Add or subtract hours/days from an ISO instant. */
export function plus(iso: string, amount: { days?: number; hours?: number; minutes?: number }): string {
  const ms = ((amount.days ?? 0) * 24 + (amount.hours ?? 0)) * 3_600_000 + (amount.minutes ?? 0) * 60_000;
  return new Date(Date.parse(iso) + ms).toISOString();
}

interface ListedAttendee {
  email: string;
  name?: string;
  type: Attendee["type"];
  response: AttendeeResponse;
  respondedAt?: string;
  firstSeen: string;
}

/** Tells a meeting's story version by version, recording attendee history like the sync does. */
export class MeetingStory {
  private listed: ListedAttendee[] = [];
  private history: AttendeeChange[] = [];
  private patch: Partial<Meeting> = {};

  constructor(
    readonly eventId: string,
    private readonly opts: {
      start: string;
      end?: string;
      organizer: string;
      createdAt: string;
      subject?: string;
      seriesId?: string;
    },
  ) {}

  /** Attendees on the invitation from creation. */
  invite(...emails: string[]): this {
    for (const email of emails) this.listed.push(this.entry(email, this.opts.createdAt));
    return this;
  }

  room(email: string): this {
    this.listed.push({ ...this.entry(email, this.opts.createdAt), type: "resource", response: "accepted" });
    return this;
  }

  respond(email: string, response: AttendeeResponse, at: string): this {
    const a = this.find(email);
    a.response = response;
    a.respondedAt = at;
    return this;
  }

  accept(email: string, at: string): this {
    return this.respond(email, "accepted", at);
  }

  add(email: string, at: string, type: Attendee["type"] = "required"): this {
    this.history.push(this.change("added", email, at));
    this.listed.push({ ...this.entry(email, at), type });
    return this;
  }

  remove(email: string, at: string): this {
    this.history.push(this.change("removed", email, at));
    this.listed = this.listed.filter((a) => normalizeEmail(a.email) !== normalizeEmail(email));
    return this;
  }

  set(patch: Partial<Meeting>): this {
    Object.assign(this.patch, patch);
    return this;
  }

  build(user: UserContext): Meeting {
    const own = new Set([user.email, ...user.aliases].map(normalizeEmail));
    const organizer = normalizeEmail(this.opts.organizer);
    const me = this.listed.find((a) => own.has(normalizeEmail(a.email)));
    const meeting: Meeting = {
      provider: "microsoft",
      eventId: this.eventId,
      type: this.opts.seriesId ? "occurrence" : "single",
      start: this.opts.start,
      end: this.opts.end ?? plus(this.opts.start, { hours: 1 }),
      isAllDay: false,
      isCancelled: false,
      organizer: { email: this.opts.organizer },
      isOrganizer: own.has(organizer),
      attendees: this.listed.map((a) => {
        const out: Attendee = { email: a.email, type: a.type, response: a.response };
        if (a.name) out.name = a.name;
        if (a.respondedAt) out.respondedAt = a.respondedAt;
        return out;
      }),
      createdAt: this.opts.createdAt,
      userId: user.userId,
      firstSeenAt: this.opts.createdAt,
      updatedAt: this.opts.createdAt,
      history: this.history,
      attendeeFirstSeen: Object.fromEntries(this.listed.map((a) => [normalizeEmail(a.email), a.firstSeen])),
      ...this.patch,
    };
    if (me) meeting.userResponse = me.response;
    if (this.opts.subject) meeting.subject = this.opts.subject;
    if (this.opts.seriesId) meeting.seriesId = this.opts.seriesId;
    return meeting;
  }

  private entry(email: string, at: string): ListedAttendee {
    return { email, type: "required", response: "needsAction", firstSeen: at };
  }

  private find(email: string): ListedAttendee {
    const a = this.listed.find((x) => normalizeEmail(x.email) === normalizeEmail(email));
    if (!a) throw new Error(`${email} is not on ${this.eventId}`);
    return a;
  }

  private change(kind: "added" | "removed", email: string, at: string): AttendeeChange {
    const atMs = Date.parse(at);
    const existingAttendees = this.listed
      .filter((a) => normalizeEmail(a.email) !== normalizeEmail(email))
      .map((a) => ({
        email: a.email,
        response: a.respondedAt && Date.parse(a.respondedAt) <= atMs ? a.response : ("needsAction" as const),
      }));
    return { email, change: kind, at, existingAttendees };
  }
}

let messageCounter = 0;

/** A mailbox, its meetings and the user's choices, analysed like the sync engine would. */
export class World {
  readonly user: UserContext;
  readonly stories: MeetingStory[] = [];
  readonly messages: MailMessage[] = [];
  readonly overrides = new Map<string, ContactOverrides>();
  readonly names = new Map<string, string>();

  constructor(
    public now: string,
    user: Partial<UserContext> & { timeZone?: string } = {},
  ) {
    this.user = userContext(user);
  }

  meeting(
    eventId: string,
    opts: {
      start: string;
      end?: string;
      organizer?: string;
      createdAt?: string;
      subject?: string;
      seriesId?: string;
    },
  ): MeetingStory {
    const story = new MeetingStory(eventId, {
      organizer: ME,
      createdAt: plus(opts.start, { days: -7 }),
      subject: "Project sync",
      ...opts,
    });
    this.stories.push(story);
    return story;
  }

  /** A one-on-one with someone, organized by the user unless said otherwise. */
  met(
    email: string,
    start: string,
    opts: { organizer?: string; id?: string; seriesId?: string } = {},
  ): MeetingStory {
    const organizer = opts.organizer ?? ME;
    const story = this.meeting(opts.id ?? `met-${email}-${start}`, {
      start,
      organizer,
      seriesId: opts.seriesId,
    });
    if (normalizeEmail(organizer) === normalizeEmail(ME)) return story.invite(email);
    return story.invite(ME).accept(ME, plus(start, { days: -6 }));
  }

  mailIn(from: string, at: string, opts: { thread?: string; to?: string[]; cc?: string[] } = {}): this {
    this.messages.push(this.message(from, opts.to ?? [ME], opts.cc ?? [], at, "inbound", opts.thread));
    return this;
  }

  mailOut(
    to: string | string[],
    at: string,
    opts: { thread?: string; cc?: string[]; from?: string } = {},
  ): this {
    const list = Array.isArray(to) ? to : [to];
    this.messages.push(this.message(opts.from ?? ME, list, opts.cc ?? [], at, "outbound", opts.thread));
    return this;
  }

  set(email: string, overrides: ContactOverrides): this {
    this.overrides.set(normalizeEmail(email), { ...this.overrides.get(normalizeEmail(email)), ...overrides });
    return this;
  }

  meetings(): Meeting[] {
    return this.stories.map((s) => s.build(this.user));
  }

  interactions(): Interaction[] {
    return [
      ...this.meetings().flatMap((m) => interactionsFromMeeting(m, this.user)),
      ...this.messages.flatMap((m) => interactionsFromMessage(m, this.user)),
    ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }

  contacts(): Contact[] {
    const interactions = this.interactions();
    const people = new Set([...interactions.map((i) => i.contactEmail), ...this.overrides.keys()]);
    return [...people].map((email) => {
      const stats = summarizeContact(
        email,
        interactions.filter((i) => i.contactEmail === email),
        this.user,
        this.now,
      );
      const { level, health } = inferLevel(stats, this.now);
      const contact: Contact = {
        userId: this.user.userId,
        email,
        domain: emailDomain(email),
        isInternal: isInternal(email, this.user),
        stats,
        inferredLevel: level,
        health,
        overrides: this.overrides.get(email) ?? {},
        updatedAt: this.now,
      };
      const name = this.names.get(email);
      if (name) contact.name = name;
      return contact;
    });
  }

  analyze(scope?: AnalysisScope): SuggestionDraft[] {
    return analyze({
      user: this.user,
      now: this.now,
      scope,
      meetings: this.meetings(),
      contacts: this.contacts(),
      mail: this.interactions().filter((i) => i.kind === "mail"),
    });
  }

  suggestions(kind: SuggestionDraft["kind"], scope?: AnalysisScope): SuggestionDraft[] {
    return this.analyze(scope).filter((d) => d.kind === kind);
  }

  /** Subjects (contact addresses) of the drafts of one kind. */
  subjects(kind: SuggestionDraft["kind"], scope?: AnalysisScope): string[] {
    return this.suggestions(kind, scope)
      .map((d) => d.contactEmail ?? "")
      .sort();
  }

  private message(
    from: string,
    to: string[],
    cc: string[],
    sentAt: string,
    direction: MailMessage["direction"],
    thread?: string,
  ): MailMessage {
    messageCounter += 1;
    const message: MailMessage = {
      provider: "microsoft",
      messageId: `msg-${messageCounter}`,
      from: { email: from },
      to: to.map((email) => ({ email })),
      cc: cc.map((email) => ({ email })),
      sentAt,
      direction,
    };
    if (thread) message.threadId = thread;
    return message;
  }
}
