import { randomUUID } from "node:crypto";
import { GraphHttpError } from "./errors.ts";
import { GraphEventInput, GraphMessageInput } from "./graph-shapes.ts";
import { graphInstant, ianaZone, instantOf } from "./time-zones.ts";

export interface StoredEvent {
  id: string;
  /** The Graph event as last written, with id, times and change key filled in. */
  json: GraphEventInput & Record<string, unknown>;
  startMs: number;
  endMs: number;
  /** IANA zone the event was scheduled in, for recurrence. */
  zone: string;
  seq: number;
  deleted: boolean;
  /** Series masters: occurrence starts (ms) that were cancelled. */
  cancelledStarts: Set<number>;
}

export type MailFolder = "inbox" | "sentitems";

export interface StoredMessage {
  id: string;
  folder: MailFolder;
  json: GraphMessageInput & Record<string, unknown>;
  seq: number;
  deleted: boolean;
}

/** One mailbox's calendar and mail with a change sequence, so delta rounds know what changed. */
export class Mailbox {
  readonly id = randomUUID();
  readonly events = new Map<string, StoredEvent>();
  readonly messages = new Map<string, StoredMessage>();
  seq = 0;
  /** Bumped to invalidate every delta token issued so far. */
  deltaEpoch = 0;
  deltaExpiryCode: "syncStateNotFound" | "resyncRequired" = "syncStateNotFound";

  constructor(
    readonly email: string,
    readonly name: string,
    readonly timeZone: string,
  ) {}

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** Writes a new version of an event. Returns the change type for notifications. */
  upsertEvent(
    id: string,
    input: unknown,
    nowMs: number,
  ): { event: StoredEvent; changeType: "created" | "updated" } {
    const parsed = GraphEventInput.safeParse(input);
    if (!parsed.success)
      throw new GraphHttpError(
        400,
        "ErrorInvalidRequest",
        `Invalid event: ${parsed.error.issues[0]?.message}`,
      );
    const json = { ...parsed.data, id } as StoredEvent["json"];
    const zone = ianaZone(json.start.timeZone);
    let startMs: number;
    let endMs: number;
    try {
      startMs = instantOf(json.start);
      endMs = instantOf(json.end);
    } catch (error) {
      throw new GraphHttpError(400, "ErrorInvalidRequest", (error as Error).message);
    }
    const previous = this.events.get(id);
    const seq = this.nextSeq();
    json.type ??= json.recurrence ? "seriesMaster" : json.seriesMasterId ? "exception" : "singleInstance";
    json.createdDateTime ??=
      (previous && !previous.deleted ? previous.json.createdDateTime : undefined) ?? graphInstant(nowMs);
    json.lastModifiedDateTime ??= graphInstant(nowMs);
    json.changeKey ??= Buffer.from(`${id}:${seq}`).toString("base64url");
    json.iCalUId ??=
      previous?.json.iCalUId ??
      `040000008200E00074C5B7101A82E008${Buffer.from(id).toString("hex").slice(0, 40).toUpperCase()}`;
    const event: StoredEvent = {
      id,
      json,
      startMs,
      endMs,
      zone: zone ?? "UTC",
      seq,
      deleted: false,
      cancelledStarts: previous?.cancelledStarts ?? new Set(),
    };
    this.events.set(id, event);
    return { event, changeType: previous && !previous.deleted ? "updated" : "created" };
  }

  /** Deletes an event, cancels an occurrence, or deletes a series with its exceptions. */
  deleteEvent(id: string, occurrence?: { masterId: string; startMs: number }): StoredEvent | undefined {
    const event = this.events.get(id);
    if (event && !event.deleted) {
      event.deleted = true;
      event.seq = this.nextSeq();
      if (event.json.type === "seriesMaster") {
        for (const other of this.events.values()) {
          if (other.json.seriesMasterId === id && !other.deleted) {
            other.deleted = true;
            other.seq = this.nextSeq();
          }
        }
      }
      const master = event.json.seriesMasterId ? this.events.get(event.json.seriesMasterId) : undefined;
      if (master && event.json.originalStart)
        this.cancelOccurrence(master, Date.parse(event.json.originalStart));
      return event;
    }
    if (occurrence) {
      const master = this.events.get(occurrence.masterId);
      if (master && !master.deleted) {
        this.cancelOccurrence(master, occurrence.startMs);
        return master;
      }
    }
    return undefined;
  }

  private cancelOccurrence(master: StoredEvent, startMs: number): void {
    master.cancelledStarts.add(startMs);
    master.seq = this.nextSeq();
  }

  addMessage(input: unknown, nowMs: number): StoredMessage {
    const parsed = GraphMessageInput.safeParse(input);
    if (!parsed.success)
      throw new GraphHttpError(
        400,
        "ErrorInvalidRequest",
        `Invalid message: ${parsed.error.issues[0]?.message}`,
      );
    const json = parsed.data as StoredMessage["json"];
    const id = json.id ?? `AAMkAG${randomUUID().replaceAll("-", "")}`;
    const fromOwner = json.from?.emailAddress.address.toLowerCase() === this.email;
    const folder: MailFolder = fromOwner ? "sentitems" : "inbox";
    const at = json.sentDateTime ?? json.receivedDateTime ?? graphInstant(nowMs);
    const seq = this.nextSeq();
    const stored: StoredMessage = {
      id,
      folder,
      json: {
        ...json,
        id,
        sentDateTime: json.sentDateTime ?? at,
        receivedDateTime: json.receivedDateTime ?? at,
        conversationId:
          json.conversationId ??
          `AAQkAD${Buffer.from(json.subject ?? id)
            .toString("base64url")
            .slice(0, 24)}`,
        internetMessageId: json.internetMessageId ?? `<${id}@emulator.example>`,
        isRead: json.isRead ?? fromOwner,
        changeKey: Buffer.from(`${id}:${seq}`).toString("base64url"),
      },
      seq,
      deleted: false,
    };
    this.messages.set(id, stored);
    return stored;
  }

  liveEvents(): StoredEvent[] {
    return [...this.events.values()].filter((e) => !e.deleted);
  }
}
