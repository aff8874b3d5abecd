import { type ProviderEndpoints, ProviderError, type ProviderSession } from "../provider.ts";
import { syncMicrosoftCalendar } from "./calendar-sync.ts";
import { createGraphClient } from "./client.ts";
import { syncMicrosoftMail } from "./mail-sync.ts";
import { parseGraphError } from "./parse-error.ts";
import { sendGraphMail } from "./send-mail.ts";
import { createGraphSubscription, deleteGraphSubscription, renewGraphSubscription } from "./subscriptions.ts";
import { toIanaZone } from "./time-zones.ts";

export interface MicrosoftSessionOptions {
  endpoints: Pick<ProviderEndpoints, "graphBaseUrl">;
  /** A valid access token; refreshing and storing tokens is the caller's business. */
  getAccessToken: () => Promise<string>;
  /** The connected account's addresses; the first names the mailbox. */
  userEmails: readonly string[];
  clock: () => Date;
}

/** One connected Microsoft 365 mailbox behind the provider-neutral session interface. */
export function createMicrosoftSession(options: MicrosoftSessionOptions): ProviderSession {
  const mailbox = options.userEmails[0];
  if (!mailbox) throw new ProviderError("invalid_request", "Microsoft session needs the mailbox address");
  const graphBaseUrl = options.endpoints.graphBaseUrl;
  const getAccessToken = () =>
    options.getAccessToken().catch((error: unknown) => {
      throw parseGraphError(error, "Microsoft access token");
    });
  const client = createGraphClient({ graphBaseUrl, getAccessToken, mailbox });
  const ctx = { userEmails: options.userEmails };

  return {
    provider: "microsoft",
    syncCalendar: (input) => syncMicrosoftCalendar(client, graphBaseUrl, ctx, input),
    syncMail: (input) => syncMicrosoftMail(client, graphBaseUrl, ctx, input),
    watchCalendar: ({ notificationUrl, lifecycleUrl, secret }) =>
      createGraphSubscription(client, { notificationUrl, lifecycleUrl, secret, now: options.clock() }),
    renewWatch: ({ subscriptionId }) =>
      renewGraphSubscription(client, { subscriptionId, now: options.clock() }),
    stopWatch: ({ subscriptionId }) => deleteGraphSubscription(client, subscriptionId),
    async getTimeZone() {
      const settings: { timeZone?: string } = await client
        .api("/me/mailboxSettings")
        .get()
        .catch((error: unknown) => {
          throw parseGraphError(error, "Graph mailboxSettings");
        });
      return toIanaZone(settings.timeZone);
    },
    sendMail: ({ to, subject, html }) => sendGraphMail(client, { to, subject, html }),
  };
}
