import type { Mailbox, StoredEvent } from "./mailbox-store.ts";
import { occurrenceStarts } from "./recurrence.ts";
import { dateTimeTimeZone, graphInstant } from "./time-zones.ts";

export interface TimeWindow {
  startMs: number;
  endMs: number;
}

/** An event as a client sees it: occurrences of a series are instances too. */
export interface EventInstance {
  id: string;
  startMs: number;
  endMs: number;
  source: StoredEvent;
  /** Set for generated occurrences of a series master. */
  occurrenceOf?: StoredEvent;
}

const OCCURRENCE_SUFFIX = /_(\d{8}T\d{6})Z$/;

/** Occurrence ids are stable: the master id plus the occurrence's original start. */
export function occurrenceId(masterId: string, startMs: number): string {
  const compact = new Date(startMs)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
  return `${masterId}_${compact}`;
}

export function parseOccurrenceId(id: string): { masterId: string; startMs: number } | undefined {
  const match = OCCURRENCE_SUFFIX.exec(id);
  if (!match?.[1]) return undefined;
  const c = match[1];
  const iso = `${c.slice(0, 4)}-${c.slice(4, 6)}-${c.slice(6, 8)}T${c.slice(9, 11)}:${c.slice(11, 13)}:${c.slice(13, 15)}Z`;
  return { masterId: id.slice(0, match.index), startMs: Date.parse(iso) };
}

export function overlaps(instance: { startMs: number; endMs: number }, window: TimeWindow): boolean {
  return instance.endMs > window.startMs && instance.startMs < window.endMs;
}

/** Generated occurrences of a master up to `untilMs`, minus cancelled ones and those replaced by exceptions. */
export function seriesOccurrences(mailbox: Mailbox, master: StoredEvent, untilMs: number): EventInstance[] {
  const recurrence = master.json.recurrence;
  if (!recurrence) return [];
  const replaced = new Set(
    [...mailbox.events.values()]
      .filter((e) => e.json.seriesMasterId === master.id && e.json.originalStart)
      .map((e) => Date.parse(e.json.originalStart as string)),
  );
  const duration = master.endMs - master.startMs;
  return occurrenceStarts({ masterStartMs: master.startMs, zone: master.zone, recurrence, until: untilMs })
    .filter((start) => !master.cancelledStarts.has(start) && !replaced.has(start))
    .map((start) => ({
      id: occurrenceId(master.id, start),
      startMs: start,
      endMs: start + duration,
      source: master,
      occurrenceOf: master,
    }));
}

/** Every live instance overlapping the window, in start order (what calendarView returns). */
export function instancesInWindow(mailbox: Mailbox, window: TimeWindow): EventInstance[] {
  const instances: EventInstance[] = [];
  for (const event of mailbox.liveEvents()) {
    if (event.json.type === "seriesMaster") {
      instances.push(...seriesOccurrences(mailbox, event, window.endMs).filter((o) => overlaps(o, window)));
    } else if (overlaps(event, window)) {
      instances.push({ id: event.id, startMs: event.startMs, endMs: event.endMs, source: event });
    }
  }
  return instances.sort((a, b) => a.startMs - b.startMs || a.id.localeCompare(b.id));
}

/** Finds an event or a generated occurrence by id. */
export function findInstance(mailbox: Mailbox, id: string): EventInstance | undefined {
  const event = mailbox.events.get(id);
  if (event && !event.deleted) return { id, startMs: event.startMs, endMs: event.endMs, source: event };
  const occurrence = parseOccurrenceId(id);
  const master = occurrence && mailbox.events.get(occurrence.masterId);
  if (!occurrence || !master || master.deleted) return undefined;
  return seriesOccurrences(mailbox, master, occurrence.startMs + 1).find(
    (o) => o.startMs === occurrence.startMs,
  );
}

/** The Graph JSON of an instance, times in `zoneName` (UTC unless `Prefer: outlook.timezone`). */
export function renderEvent(instance: EventInstance, zoneName = "UTC"): Record<string, unknown> {
  const json = instance.source.json;
  const originalZone = json.start.timeZone ?? "UTC";
  // All-day events float: midnight stays midnight whatever zone is asked for.
  const [start, end] = json.isAllDay
    ? [
        { ...json.start, timeZone: zoneName },
        { ...json.end, timeZone: zoneName },
      ]
    : [dateTimeTimeZone(instance.startMs, zoneName), dateTimeTimeZone(instance.endMs, zoneName)];
  const base: Record<string, unknown> = {
    "@odata.etag": `W/"${json.changeKey}"`,
    categories: [],
    originalStartTimeZone: originalZone,
    originalEndTimeZone: json.end.timeZone ?? originalZone,
    reminderMinutesBeforeStart: 15,
    isReminderOn: true,
    hasAttachments: false,
    importance: "normal",
    sensitivity: "normal",
    isAllDay: false,
    isCancelled: false,
    isDraft: false,
    isOnlineMeeting: false,
    onlineMeetingProvider: "unknown",
    showAs: "busy",
    responseRequested: true,
    seriesMasterId: null,
    recurrence: null,
    attendees: [],
    ...json,
    start,
    end,
  };
  if (instance.occurrenceOf) {
    base.id = instance.id;
    base.type = "occurrence";
    base.seriesMasterId = instance.occurrenceOf.id;
    base.recurrence = null;
    base.originalStart = graphInstant(instance.startMs);
    base.iCalUId = `${json.iCalUId}${instance.startMs.toString(16).toUpperCase()}`;
  }
  return base;
}
