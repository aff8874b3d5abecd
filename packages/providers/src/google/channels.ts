import { randomUUID } from "node:crypto";
import { ProviderError, type WatchResult } from "../provider.ts";
import type { GoogleClients } from "./clients.ts";
import { parseGoogleError } from "./parse-error.ts";

/** Google's documented default channel lifetime, used only if a response omits `expiration`. */
const DEFAULT_CHANNEL_TTL_MS = 604_800_000;

/**
 * `events.watch` on the primary calendar: a fresh UUID channel id, the caller's random token
 * (echoed back in X-Goog-Channel-Token on every push), delivered to `address`. Both the channel
 * id and the resourceId must be kept: `channels.stop` needs them.
 */
export async function watchGoogleCalendar(
  clients: GoogleClients,
  input: { address: string; token: string; now: Date },
): Promise<WatchResult> {
  const { data } = await clients.calendar.events
    .watch({
      calendarId: "primary",
      requestBody: { id: randomUUID(), type: "web_hook", address: input.address, token: input.token },
    })
    .catch((error: unknown) => {
      throw parseGoogleError(error);
    });
  if (!data.id || !data.resourceId)
    throw new ProviderError("temporary", "Google watch response lacked id or resourceId");
  const expirationMs = data.expiration
    ? Number(data.expiration)
    : input.now.getTime() + DEFAULT_CHANNEL_TTL_MS;
  return {
    subscriptionId: data.id,
    resourceId: data.resourceId,
    expiresAt: new Date(expirationMs).toISOString(),
  };
}

/** `channels.stop`; a channel that is already gone counts as stopped. */
export async function stopGoogleChannel(
  clients: GoogleClients,
  input: { subscriptionId: string; resourceId?: string },
): Promise<void> {
  try {
    await clients.calendar.channels.stop({
      requestBody: {
        id: input.subscriptionId,
        ...(input.resourceId ? { resourceId: input.resourceId } : {}),
      },
    });
  } catch (error) {
    const parsed = parseGoogleError(error);
    if (parsed.code !== "not_found") throw parsed;
  }
}
