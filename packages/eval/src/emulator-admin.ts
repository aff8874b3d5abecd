import { requestJson } from "./http.ts";

/** The emulators' admin API (under /_emulator), which plays the provider's side of a scenario. */
export class EmulatorAdmin {
  constructor(private readonly origin: string) {}

  private url(path: string): string {
    return new URL(`/_emulator${path}`, this.origin).href;
  }

  private mailbox(email: string): string {
    return `/mailboxes/${encodeURIComponent(email)}`;
  }

  async createMailbox(user: { email: string; name?: string; timeZone: string }): Promise<void> {
    await requestJson("POST /_emulator/mailboxes", this.url("/mailboxes"), { method: "POST", body: user });
  }

  async putEvent(email: string, event: { id: string }): Promise<void> {
    const path = `${this.mailbox(email)}/events/${encodeURIComponent(event.id)}`;
    await requestJson("PUT /_emulator/mailboxes/{email}/events/{id}", this.url(path), {
      method: "PUT",
      body: event,
    });
  }

  async deleteEvent(email: string, eventId: string): Promise<void> {
    const path = `${this.mailbox(email)}/events/${encodeURIComponent(eventId)}`;
    await requestJson("DELETE /_emulator/mailboxes/{email}/events/{id}", this.url(path), {
      method: "DELETE",
    });
  }

  async addMessage(email: string, message: { id: string }): Promise<void> {
    const path = `${this.mailbox(email)}/messages`;
    await requestJson("POST /_emulator/mailboxes/{email}/messages", this.url(path), {
      method: "POST",
      body: message,
    });
  }
}
