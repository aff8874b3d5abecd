import { type Contact, type Interaction, type Meeting, type MeetingRef, normalizeEmail, type Suggestion, type User } from "@rapport/core";
import { type AnalysisScope, analyze, reconcileSuggestions, type UserContext } from "@rapport/analysis";
import type { Page, PageOptions } from "@rapport/store";
import type { ChangeScope } from "./change-scope.ts";
import type { SyncDeps } from "./deps.ts";
import { refreshContact } from "./refresh-contacts.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const LOOKBACK_DAYS = 180;
const FAR_FUTURE = "9999-12-31T00:00:00.000Z";
const HORIZON_DAYS = 14;

/**
 * A change to someone also concerns the upcoming meetings they are on: an email to the earlier
 * attendees, say, is what settles an "unannounced attendee" on the meeting.
 */
function widen(scope: AnalysisScope, meetings: Meeting[], now: Date): AnalysisScope {
  const people = new Set((scope.contacts ?? []).map(normalizeEmail));
  const refs = new Map((scope.meetings ?? []).map((r) => [`${r.provider}:${r.eventId}`, r]));
  const horizon = now.getTime() + HORIZON_DAYS * DAY_MS;
  for (const m of meetings) {
    const start = Date.parse(m.start);
    if (start <= now.getTime() || start > horizon) continue;
    if ([m.organizer, ...m.attendees].some((p) => people.has(normalizeEmail(p.email)))) {
      refs.set(`${m.provider}:${m.eventId}`, { provider: m.provider, eventId: m.eventId });
    }
  }
  return { ...scope, meetings: [...refs.values()] };
}

/**
 * From stored data to stored suggestions: refresh the aggregates of the people a change touched,
 * run the pure analysis over what it needs, and write only what reconciliation says changed.
 * After a sync the scope is that sync's meetings and people; the daily job runs everything.
 */
export function createAnalysisPipeline(deps: SyncDeps) {
  const { store, clock } = deps;

  async function refresh(user: UserContext, emails: Iterable<string>, names: Map<string, string>, now: Date) {
    for (const email of emails) await refreshContact(deps, user, email, names.get(email), now);
  }

  /** Full run: everything in the analysis window. */
  async function loadEverything(user: UserContext, now: Date) {
    const since = new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS).toISOString();
    const meetings = await all<Meeting>((o) => store.meetings.listByStart(user.userId, since, FAR_FUTURE, o));
    const contacts = await all<Contact>((o) => store.contacts.listForUser(user.userId, o));
    const mail = (await all<Interaction>((o) => store.interactions.listByTime(user.userId, since, now.toISOString(), o))).filter(
      (i) => i.kind === "mail",
    );
    return { meetings, contacts, mail };
  }

  /**
   * Incremental run: only what the change concerns. The people it touched (and those on its
   * meetings), their meetings and mail of the window, the upcoming fortnight, the contacts the
   * user chose something about (key contacts, targets), and a key contact's organization.
   */
  async function upcomingFortnight(user: UserContext, now: Date): Promise<Meeting[]> {
    const horizon = new Date(now.getTime() + HORIZON_DAYS * DAY_MS).toISOString();
    return all<Meeting>((o) => store.meetings.listByStart(user.userId, now.toISOString(), horizon, o));
  }

  async function loadAround(
    user: UserContext,
    scope: { meetings: MeetingRef[]; contacts: string[] },
    upcoming: Meeting[],
    now: Date,
  ) {
    const since = new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS).toISOString();
    const meetings = new Map<string, Meeting>();
    const keep = (m: Meeting | undefined) => m && meetings.set(`${m.provider}:${m.eventId}`, m);
    for (const m of upcoming) keep(m);
    for (const ref of scope.meetings) {
      if (!meetings.has(`${ref.provider}:${ref.eventId}`)) keep(await store.meetings.get(user.userId, ref.provider, ref.eventId));
    }

    const people = new Set(scope.contacts.map(normalizeEmail));
    for (const m of meetings.values()) {
      if (scope.meetings.some((r) => r.provider === m.provider && r.eventId === m.eventId)) {
        for (const p of [m.organizer, ...m.attendees]) people.add(normalizeEmail(p.email));
      }
    }
    const chosen = await all<Contact>((o) => store.contacts.listWithChoices(user.userId, o));
    const contacts = new Map<string, Contact>(chosen.map((c) => [c.email, c]));
    for (const c of await store.contacts.getMany(user.userId, [...people])) contacts.set(c.email, c);
    for (const key of [...contacts.values()].filter((c) => c.overrides.key && people.has(c.email))) {
      for (const mate of await all<Contact>((o) => store.contacts.listByDomain(user.userId, key.domain, o))) {
        contacts.set(mate.email, mate);
      }
    }

    const mail: Interaction[] = [];
    for (const email of new Set([...people, ...contacts.keys()])) {
      const timeline = await all<Interaction>((o) => store.interactions.listForContact(user.userId, email, o));
      for (const i of timeline) {
        if (i.at < since) continue;
        if (i.kind === "mail") mail.push(i);
        else if (people.has(email) && !meetings.has(`${i.provider}:${i.sourceId}`)) {
          keep(await store.meetings.get(user.userId, i.provider, i.sourceId));
        }
      }
    }
    return { meetings: [...meetings.values()], contacts: [...contacts.values()], mail };
  }

  async function existingInScope(userId: string, scope: AnalysisScope): Promise<Suggestion[]> {
    if (scope.full) return all<Suggestion>((o) => store.suggestions.listForUser(userId, o));
    const found = new Map<string, Suggestion>();
    for (const m of scope.meetings ?? []) {
      for (const s of await store.suggestions.listForMeeting(userId, m.provider, m.eventId)) found.set(s.id, s);
    }
    for (const email of scope.contacts ?? []) {
      for (const s of await store.suggestions.listForContact(userId, email)) found.set(s.id, s);
    }
    if (scope.userLevel) {
      for (const s of await all<Suggestion>((o) => store.suggestions.listForUser(userId, o))) {
        if (s.kind === "target_outreach") found.set(s.id, s);
      }
    }
    return [...found.values()];
  }

  async function run(user: UserContext, scope: AnalysisScope, now: Date): Promise<number> {
    let input: Awaited<ReturnType<typeof loadEverything>>;
    if (scope.full) {
      input = await loadEverything(user, now);
    } else {
      const upcoming = await upcomingFortnight(user, now);
      scope = widen(scope, upcoming, now);
      input = await loadAround(user, { meetings: scope.meetings ?? [], contacts: scope.contacts ?? [] }, upcoming, now);
    }
    const drafts = analyze({ user, now: now.toISOString(), scope, ...input });
    const existing = await existingInScope(user.userId, scope);
    const writes = reconcileSuggestions({ userId: user.userId, now: now.toISOString(), existing, drafts, scope });
    for (const suggestion of writes) await store.suggestions.put(suggestion);
    return writes.length;
  }

  function contextOf(user: User): UserContext {
    return { userId: user.userId, email: user.email, aliases: user.settings.aliases, settings: user.settings };
  }

  return {
    /** After a sync round: the touched people's aggregates, then their and the meetings' suggestions. */
    async afterSync(user: UserContext, change: ChangeScope): Promise<void> {
      const now = clock.now();
      await refresh(user, change.contacts, change.names, now);
      const contacts = [...change.contacts];
      const targets = await store.contacts.getMany(user.userId, contacts);
      await run(
        user,
        {
          meetings: [...change.meetings.values()],
          contacts,
          userLevel: targets.some((c) => c.overrides.level === "target") || change.meetings.size > 0,
        },
        now,
      );
    },
    /** After the user changed a contact's level, key flag or cadence. */
    async reanalyzeContacts(user: User, emails: string[]): Promise<void> {
      const now = clock.now();
      const context = contextOf(user);
      await refresh(context, emails, new Map(), now);
      await run(context, { contacts: emails, userLevel: true }, now);
    },
    /** One user, everything: every contact's aggregates (time moves them) and every suggestion. */
    async reanalyzeUser(user: User): Promise<number> {
      const now = clock.now();
      const context = contextOf(user);
      let cursor: string | undefined;
      do {
        const page = await store.contacts.listForUser(user.userId, { limit: 200, cursor });
        await refresh(context, page.items.map((c) => c.email), new Map(), now);
        cursor = page.cursor;
      } while (cursor);
      return run(context, { full: true }, now);
    },
    /** The daily job: every user, page by page. */
    async reanalyzeEveryone(): Promise<void> {
      let cursor: string | undefined;
      do {
        const page = await store.users.list({ limit: 50, cursor });
        for (const user of page.items) {
          try {
            await this.reanalyzeUser(user);
          } catch (error) {
            deps.logger.error("re-analysis failed", { userId: user.userId, error: String(error) });
          }
        }
        cursor = page.cursor;
      } while (cursor);
    },
  };
}

export type AnalysisPipeline = ReturnType<typeof createAnalysisPipeline>;

/** Every item of a paged list; only for lists bounded by the analysis window. */
async function all<T>(list: (options: PageOptions) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ limit: 500, cursor });
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
}
