import { type MeetingRef, normalizeEmail } from "@rapport/core";

/** What one sync touched: the meetings and people whose aggregates and suggestions need a fresh look. */
export class ChangeScope {
  readonly meetings = new Map<string, MeetingRef>();
  readonly contacts = new Set<string>();
  /** Display names seen in this round, to name contacts. */
  readonly names = new Map<string, string>();

  addMeeting(ref: MeetingRef): void {
    this.meetings.set(`${ref.provider}:${ref.eventId}`, ref);
  }

  addPerson(email: string, name?: string): void {
    const key = normalizeEmail(email);
    this.contacts.add(key);
    if (name && name !== email) this.names.set(key, name);
  }

  get isEmpty(): boolean {
    return this.meetings.size === 0 && this.contacts.size === 0;
  }
}
