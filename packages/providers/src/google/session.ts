import { type ProviderEndpoints, ProviderError, type ProviderSession } from "../provider.ts";
import { syncGoogleCalendar } from "./calendar-sync.ts";
import { stopGoogleChannel, watchGoogleCalendar } from "./channels.ts";
import { googleClients } from "./clients.ts";
import { syncGmail } from "./mail-sync.ts";
import { parseGoogleError } from "./parse-error.ts";
import { sendGmail } from "./send-mail.ts";

export interface GoogleSessionOptions {
  endpoints: Pick<ProviderEndpoints, "googleApiRootUrl">;
  /** A valid access token; refreshing and storing tokens is the caller's business. */
  getAccessToken: () => Promise<string>;
  /** The connected account's addresses; the first is the sending address. */
  userEmails: readonly string[];
  clock: () => Date;
}

/** One connected Google account behind the provider-neutral session interface. */
export function createGoogleSession(options: GoogleSessionOptions): ProviderSession {
  const ctx = { userEmails: options.userEmails };
  const clients = async () => {
    const token = await options.getAccessToken().catch((error: unknown) => {
      throw parseGoogleError(error, { operation: "token" });
    });
    return googleClients(options.endpoints.googleApiRootUrl, token);
  };

  return {
    provider: "google",
    async syncCalendar(input) {
      return syncGoogleCalendar(await clients(), ctx, input);
    },
    async syncMail(input) {
      return syncGmail(await clients(), ctx, input);
    },
    async watchCalendar({ notificationUrl, secret }) {
      // Google has no lifecycle channel: expiry is read from the watch response and renewed by a new watch.
      return watchGoogleCalendar(await clients(), {
        address: notificationUrl,
        token: secret,
        now: options.clock(),
      });
    },
    async renewWatch() {
      return null; // no renew call in Google: the caller creates a new channel, then stops the old
    },
    async stopWatch(input) {
      await stopGoogleChannel(await clients(), input);
    },
    async getTimeZone() {
      const { calendar } = await clients();
      const response = await calendar.calendars.get({ calendarId: "primary" }).catch((error: unknown) => {
        throw parseGoogleError(error, { operation: "api" });
      });
      return response.data.timeZone ?? undefined;
    },
    async sendMail({ to, subject, html, text }) {
      const from = options.userEmails[0];
      if (!from) throw new ProviderError("invalid_request", "Google session has no sending address");
      await sendGmail(await clients(), { from, to, subject, html, text, date: options.clock() });
    },
  };
}

/** Both halves of the Google provider are importable from here. */
export { createGoogleAuth } from "./auth.ts";
