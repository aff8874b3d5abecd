import type { Connection, SyncCursors, SyncRequest } from "@rapport/core";
import type { UserContext } from "@rapport/analysis";
import { ProviderError, type ProviderSession } from "@rapport/providers";
import { type AccessTokenSource, markNeedsReauth } from "./access-tokens.ts";
import { applyMailMessages, applyMeetingRemoval, applyMeetingSnapshot } from "./apply-changes.ts";
import { ChangeScope } from "./change-scope.ts";
import type { SyncDeps } from "./deps.ts";
import { ConnectionNeedsReauthError, RetryLaterError } from "./errors.ts";
import { openSession } from "./sessions.ts";
import { calendarWindow, type Window } from "./sync-window.ts";

export interface SyncOutcome {
  status: "synced" | "skipped";
  scope?: ChangeScope;
}

/**
 * The sync worker's job for one connection: a calendar round and a mail round from the stored
 * cursors, each cursor saved only after its whole round is stored, then the touched contacts and
 * meetings are handed to `afterSync` (aggregates and re-analysis).
 */
export async function syncConnection(
  deps: SyncDeps,
  tokens: AccessTokenSource,
  request: SyncRequest,
  afterSync: (user: UserContext, scope: ChangeScope) => Promise<void>,
): Promise<SyncOutcome> {
  const { store, clock } = deps;
  const connection = await store.connections.get(request.userId, request.provider);
  if (!connection || connection.status === "needs-reauth") return { status: "skipped" };
  const user = await store.users.get(connection.userId);
  if (!user) return { status: "skipped" };
  const now = clock.now();
  if (connection.retryAfter && Date.parse(connection.retryAfter) > now.getTime()) {
    throw new RetryLaterError(Date.parse(connection.retryAfter) - now.getTime(), "provider asked to wait");
  }

  const context: UserContext = { userId: user.userId, email: user.email, aliases: user.settings.aliases, settings: user.settings };
  const scope = new ChangeScope();
  try {
    const session = await openSession(deps, tokens, connection);
    let cursors = await syncCalendar(deps, session, connection, context, Boolean(request.full), scope);
    cursors = await syncMail(deps, session, { ...connection, cursors }, context, Boolean(request.full), scope);
    await store.connections.update(connection.userId, connection.provider, {
      cursors,
      lastSyncAt: clock.now().toISOString(),
      retryAfter: undefined,
      status: "active",
      statusReason: undefined,
    });
  } catch (error) {
    // What was stored before the failure still gets its analysis; the retry resumes from the cursor.
    if (!scope.isEmpty) await afterSync(context, scope);
    await handleSyncError(deps, connection, error);
    return { status: "skipped", scope };
  }
  if (!scope.isEmpty) await afterSync(context, scope);
  return { status: "synced", scope };
}

async function syncCalendar(
  deps: SyncDeps,
  session: ProviderSession,
  connection: Connection,
  user: UserContext,
  forceFull: boolean,
  scope: ChangeScope,
): Promise<SyncCursors> {
  const { window, moved } = calendarWindow(connection.cursors, deps.clock.now());
  const cursors = { ...connection.cursors, windowStart: window.start.toISOString(), windowEnd: window.end.toISOString() };
  const run = async (full: boolean) => {
    const seen = new Set<string>();
    const next = await session.syncCalendar({
      cursors: full ? {} : cursors,
      window,
      full,
      onPage: async (page) => {
        for (const snapshot of page.upserts) {
          seen.add(snapshot.eventId);
          await applyMeetingSnapshot(deps, user, snapshot, scope);
        }
        for (const eventId of page.removedIds) {
          await applyMeetingRemoval(deps, user, connection.provider, eventId, scope);
        }
      },
    });
    if (full) await removeUnseen(deps, connection, user, window, seen, scope);
    return next;
  };
  const full = forceFull || moved || !hasCalendarCursor(cursors);
  try {
    return { ...cursors, ...(await run(full)) };
  } catch (error) {
    // An expired delta or sync token: start over without deleting anything already stored.
    if (error instanceof ProviderError && error.code === "cursor_expired" && !full) {
      deps.logger.info("calendar cursor expired; full round", { userId: connection.userId });
      return { ...cursors, calendarDeltaLink: undefined, calendarSyncToken: undefined, ...(await run(true)) };
    }
    throw error;
  }
}

async function syncMail(
  deps: SyncDeps,
  session: ProviderSession,
  connection: Connection,
  user: UserContext,
  forceFull: boolean,
  scope: ChangeScope,
): Promise<SyncCursors> {
  const { window } = calendarWindow(connection.cursors, deps.clock.now());
  const cursors = connection.cursors;
  const run = (full: boolean) =>
    session.syncMail({
      cursors: full ? {} : cursors,
      window: { start: window.start, end: deps.clock.now() },
      full,
      onPage: (page) => applyMailMessages(deps, user, page.messages, scope),
    });
  const full = forceFull || !(cursors.inboxDeltaLink || cursors.mailHistoryId);
  try {
    return { ...cursors, ...(await run(full)) };
  } catch (error) {
    if (error instanceof ProviderError && error.code === "cursor_expired" && !full) {
      return { ...cursors, inboxDeltaLink: undefined, sentDeltaLink: undefined, mailHistoryId: undefined, ...(await run(true)) };
    }
    throw error;
  }
}

// A full round lists everything that exists; what the store has in the window but the round
// did not list was deleted while we were not listening (e.g. notifications were dropped).
async function removeUnseen(
  deps: SyncDeps,
  connection: Connection,
  user: UserContext,
  window: Window,
  seen: Set<string>,
  scope: ChangeScope,
) {
  let cursor: string | undefined;
  const gone: string[] = [];
  do {
    const page = await deps.store.meetings.listByStart(connection.userId, window.start.toISOString(), window.end.toISOString(), {
      limit: 100,
      cursor,
    });
    for (const meeting of page.items) {
      if (meeting.provider === connection.provider && !meeting.isCancelled && !seen.has(meeting.eventId)) gone.push(meeting.eventId);
    }
    cursor = page.cursor;
  } while (cursor);
  for (const eventId of gone) await applyMeetingRemoval(deps, user, connection.provider, eventId, scope);
}

function hasCalendarCursor(cursors: SyncCursors): boolean {
  return Boolean(cursors.calendarDeltaLink || cursors.calendarSyncToken);
}

async function handleSyncError(deps: SyncDeps, connection: Connection, error: unknown): Promise<never | void> {
  if (causedBy(error, ConnectionNeedsReauthError)) return;
  if (error instanceof ProviderError) {
    if (error.code === "auth_revoked") return void (await markNeedsReauth(deps, connection));
    if (error.code === "rate_limited") {
      const delayMs = error.retryAfterMs ?? 30_000;
      await deps.store.connections.update(connection.userId, connection.provider, {
        retryAfter: new Date(deps.clock.now().getTime() + delayMs).toISOString(),
      });
      throw new RetryLaterError(delayMs, "provider rate limit");
    }
  }
  throw error;
}

// Client libraries wrap what our token callback throws; look down the cause chain.
function causedBy(error: unknown, type: new (...args: never[]) => Error): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof type) return true;
  }
  return false;
}
