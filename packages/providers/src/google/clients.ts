import { calendar, type calendar_v3 } from "@googleapis/calendar";
import { gmail, type gmail_v1 } from "@googleapis/gmail";

export interface GoogleClients {
  calendar: calendar_v3.Calendar;
  gmail: gmail_v1.Gmail;
}

/**
 * Google's own per-API clients pointed at `rootUrl` (GOOGLE_API_ROOT_URL; it must end in "/"
 * and carry no path, since the clients resolve absolute paths against it). The bearer token is
 * sent as a plain header: token refresh lives in the caller. The clients' own retries are off,
 * so a 429 or 5xx reaches the sync worker, which owns backoff.
 */
export function googleClients(rootUrl: string, accessToken: string): GoogleClients {
  const options = {
    rootUrl: rootUrl.endsWith("/") ? rootUrl : `${rootUrl}/`,
    retry: false,
    headers: { Authorization: `Bearer ${accessToken}` },
  };
  return {
    calendar: calendar({ version: "v3", ...options }),
    gmail: gmail({ version: "v1", ...options }),
  };
}
