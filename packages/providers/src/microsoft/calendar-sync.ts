import type { Client } from "@microsoft/microsoft-graph-client";
import type { MeetingSnapshot, SyncCursors } from "@rapport/core";
import type { CalendarPage, SyncWindow } from "../provider.ts";
import { graphPath } from "./client.ts";
import { GraphEvent, GraphRemoved } from "./graph-event.ts";
import { type EventMapContext, mapGraphEvent } from "./map-event.ts";
import { parseGraphError } from "./parse-error.ts";

export interface CalendarSyncInput {
  cursors: SyncCursors;
  window: SyncWindow;
  full: boolean;
  onPage: (page: CalendarPage) => Promise<void>;
}

interface DeltaPage {
  value?: unknown[];
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
}

/** Does the stored delta link cover exactly this window? A moved window needs a new round. */
export function sameWindow(cursors: SyncCursors, window: SyncWindow): boolean {
  return cursors.windowStart === window.start.toISOString() && cursors.windowEnd === window.end.toISOString();
}

/**
 * One calendarView delta round: follows every nextLink, hands each page to `onPage`, and
 * returns the new deltaLink only once the last page was handled.
 */
export async function syncMicrosoftCalendar(
  client: Client,
  graphBaseUrl: string,
  ctx: EventMapContext,
  input: CalendarSyncInput,
): Promise<SyncCursors> {
  const { window } = input;
  const full = input.full || !input.cursors.calendarDeltaLink || !sameWindow(input.cursors, window);
  let path: string | undefined = full
    ? `/me/calendarView/delta?startDateTime=${window.start.toISOString()}&endDateTime=${window.end.toISOString()}`
    : graphPath(graphBaseUrl, input.cursors.calendarDeltaLink as string);
  let deltaLink: string | undefined;
  while (path) {
    const page: DeltaPage = await client
      .api(path)
      .get()
      .catch((error: unknown) => {
        throw parseGraphError(error, "Graph calendarView delta");
      });
    await input.onPage(await toCalendarPage(client, ctx, page.value ?? []));
    path = page["@odata.nextLink"] ? graphPath(graphBaseUrl, page["@odata.nextLink"]) : undefined;
    deltaLink = page["@odata.deltaLink"] ?? deltaLink;
  }
  if (!deltaLink)
    throw parseGraphError(
      { status: 502, body: { error: { code: "noDeltaLink" } } },
      "Graph delta round ended without a deltaLink",
    );
  return {
    ...input.cursors,
    calendarDeltaLink: deltaLink,
    windowStart: window.start.toISOString(),
    windowEnd: window.end.toISOString(),
  };
}

async function toCalendarPage(client: Client, ctx: EventMapContext, items: unknown[]): Promise<CalendarPage> {
  const upserts: MeetingSnapshot[] = [];
  const removedCandidates: string[] = [];
  for (const item of items) {
    const removed = GraphRemoved.safeParse(item);
    if (removed.success) {
      removedCandidates.push(removed.data.id);
      continue;
    }
    const event = GraphEvent.safeParse(item);
    if (!event.success) continue; // an item we cannot read says nothing we could store
    const snapshot = safeMap(event.data, ctx);
    if (snapshot) upserts.push(snapshot);
  }
  const checked = await Promise.all(removedCandidates.map((id) => checkRemoved(client, ctx, id)));
  return {
    upserts: [...upserts, ...checked.flatMap((c) => (c.kind === "exists" ? [c.snapshot] : []))],
    removedIds: checked.flatMap((c) => (c.kind === "gone" ? [c.id] : [])),
  };
}

type RemovedCheck =
  | { kind: "gone"; id: string }
  | { kind: "unreadable" }
  | { kind: "exists"; snapshot: MeetingSnapshot };

/**
 * Graph lists under `@removed` both deletions and events that changed outside the window.
 * Only a deletion counts: the event is looked up; one that still exists is not removed but
 * upserted as it now stands, so a meeting moved out of the window does not keep its old time.
 */
async function checkRemoved(client: Client, ctx: EventMapContext, id: string): Promise<RemovedCheck> {
  try {
    const event = GraphEvent.safeParse(await client.api(`/me/events/${encodeURIComponent(id)}`).get());
    const snapshot = event.success ? safeMap(event.data, ctx) : undefined;
    return snapshot ? { kind: "exists", snapshot } : { kind: "unreadable" };
  } catch (error) {
    const failure = parseGraphError(error, "Graph event lookup");
    if (failure.code === "not_found") return { kind: "gone", id };
    throw failure;
  }
}

function safeMap(event: GraphEvent, ctx: EventMapContext): MeetingSnapshot | undefined {
  try {
    return mapGraphEvent(event, ctx);
  } catch {
    return undefined; // unreadable times: skip rather than fail the round
  }
}
