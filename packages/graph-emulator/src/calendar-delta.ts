import {
  type EventInstance,
  instancesInWindow,
  occurrenceId,
  overlaps,
  renderEvent,
  seriesOccurrences,
  type TimeWindow,
} from "./event-view.ts";
import type { Mailbox, StoredEvent } from "./mailbox-store.ts";

/**
 * What one calendarView delta round returns. The first round lists the window; later rounds
 * list what changed since the token's sequence number, the way Graph does: changed events
 * outside the window come back as `@removed` too, so clients must filter by their window.
 */
export type DeltaItem = Record<string, unknown>;

const removed = (id: string): DeltaItem => ({ id, "@removed": { reason: "deleted" } });

export function initialCalendarItems(mailbox: Mailbox, window: TimeWindow, zoneName: string): DeltaItem[] {
  return instancesInWindow(mailbox, window).map((i) => renderEvent(i, zoneName));
}

export function calendarChangesSince(
  mailbox: Mailbox,
  sinceSeq: number,
  window: TimeWindow,
  zoneName: string,
): DeltaItem[] {
  const changed = [...mailbox.events.values()].filter((e) => e.seq > sinceSeq).sort((a, b) => a.seq - b.seq);
  const items = new Map<string, DeltaItem>();
  const put = (item: DeltaItem) => {
    const id = item.id as string;
    items.delete(id); // latest wins, and moves to the end
    items.set(id, item);
  };
  for (const event of changed) {
    if (event.json.type === "seriesMaster") seriesChanges(mailbox, event, window, zoneName).forEach(put);
    else singleChanges(event, window, zoneName).forEach(put);
  }
  return [...items.values()];
}

function seriesChanges(
  mailbox: Mailbox,
  master: StoredEvent,
  window: TimeWindow,
  zoneName: string,
): DeltaItem[] {
  const duration = master.endMs - master.startMs;
  const cancelled = [...master.cancelledStarts]
    .map((start) => ({ id: occurrenceId(master.id, start), startMs: start, endMs: start + duration }))
    .filter((o) => overlaps(o, window))
    .map((o) => removed(o.id));
  if (master.deleted) {
    // Occurrences are computed as if the series still stood, so every one the client has goes.
    const live = { ...master, deleted: false, cancelledStarts: new Set<number>() };
    return seriesOccurrences(mailbox, live, window.endMs)
      .filter((o) => overlaps(o, window))
      .map((o) => removed(o.id))
      .concat(cancelled);
  }
  const current: EventInstance[] = seriesOccurrences(mailbox, master, window.endMs).filter((o) =>
    overlaps(o, window),
  );
  return [...cancelled, ...current.map((o) => renderEvent(o, zoneName))];
}

function singleChanges(event: StoredEvent, window: TimeWindow, zoneName: string): DeltaItem[] {
  if (event.deleted || !overlaps(event, window)) return [removed(event.id)];
  const items: DeltaItem[] = [];
  const originalStart = event.json.originalStart;
  if (event.json.seriesMasterId && originalStart) {
    // An exception replaces a generated occurrence; if its id differs, the occurrence goes.
    const generated = occurrenceId(event.json.seriesMasterId, Date.parse(originalStart));
    if (generated !== event.id) items.push(removed(generated));
  }
  items.push(
    renderEvent({ id: event.id, startMs: event.startMs, endMs: event.endMs, source: event }, zoneName),
  );
  return items;
}
