import type { SyncCursors } from "@rapport/core";
import { type CalendarPage, ProviderError, type SyncWindow } from "../provider.ts";
import type { GoogleClients } from "./clients.ts";
import { type EventMapContext, mapGoogleEvent } from "./map-event.ts";
import { parseGoogleError } from "./parse-error.ts";

export interface CalendarSyncInput {
  cursors: SyncCursors;
  window: SyncWindow;
  full: boolean;
  onPage: (page: CalendarPage) => Promise<void>;
}

const PAGE_SIZE = 250;

/**
 * One round of `events.list` on the primary calendar.
 *
 * Full round: the window as timeMin/timeMax, `showDeleted` so cancelled occurrences are seen,
 * and `singleEvents=true` because analysis works on occurrences (who is invited to *this*
 * Tuesday's meeting), not on series rules. Incremental round: the stored syncToken alone, since
 * Google refuses it together with timeMin/timeMax; `singleEvents` stays the same because the
 * token is tied to the query. Pages are followed until the last one, which alone carries
 * `nextSyncToken`; the cursors are returned only then. A 410 throws `cursor_expired` and the
 * caller starts a full round.
 */
export async function syncGoogleCalendar(
  clients: GoogleClients,
  ctx: EventMapContext,
  input: CalendarSyncInput,
): Promise<SyncCursors> {
  const syncToken = input.full ? undefined : input.cursors.calendarSyncToken;
  const windowStart = input.window.start.toISOString();
  const windowEnd = input.window.end.toISOString();
  let pageToken: string | undefined;
  for (;;) {
    const query = syncToken
      ? { syncToken }
      : { timeMin: windowStart, timeMax: windowEnd, showDeleted: true, maxResults: PAGE_SIZE };
    const response = await clients.calendar.events
      .list({ calendarId: "primary", singleEvents: true, ...query, ...(pageToken ? { pageToken } : {}) })
      .catch((error: unknown) => {
        throw parseGoogleError(error);
      });
    const data = response.data;
    const pageCtx = data.timeZone ? { ...ctx, calendarTimeZone: data.timeZone } : ctx;
    await input.onPage(toPage(data.items ?? [], pageCtx, syncToken ? input.window : undefined));
    if (data.nextPageToken) {
      pageToken = data.nextPageToken;
      continue;
    }
    if (!data.nextSyncToken) {
      throw new ProviderError("temporary", "Google events.list ended without a nextSyncToken");
    }
    const cursors: SyncCursors = { ...input.cursors, calendarSyncToken: data.nextSyncToken };
    if (!syncToken) Object.assign(cursors, { windowStart, windowEnd });
    return cursors;
  }
}

/**
 * Maps one page. On an incremental round Google returns changes anywhere in the calendar; an
 * event that now lies outside the window is reported as removed, as Graph's calendarView does.
 */
export function toPage(items: readonly unknown[], ctx: EventMapContext, window?: SyncWindow): CalendarPage {
  const page: CalendarPage = { upserts: [], removedIds: [] };
  for (const item of items) {
    const change = mapGoogleEvent(item, ctx);
    if (change.kind === "removed") page.removedIds.push(change.eventId);
    else if (change.kind === "upsert") {
      const { meeting } = change;
      const outside =
        window && (meeting.end <= window.start.toISOString() || meeting.start >= window.end.toISOString());
      if (outside) page.removedIds.push(meeting.eventId);
      else page.upserts.push(meeting);
    }
  }
  return page;
}
