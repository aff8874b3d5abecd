import type { MeetingInsights, RelationshipCard, RelationshipLevel, Suggestion } from "@rapport/core";

/**
 * Typed client of the add-in API. Core's zod schemas are not bundled into the browser
 * (they pull node:crypto and would triple the pane's size), so responses get a structural
 * check here and anything malformed becomes a `bad_response` error state.
 */

export type ApiErrorKind = "signed_out" | "not_found" | "network" | "server" | "bad_response";

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type SuggestionStateAction = "dismiss" | "snooze" | "done";
export interface ContactPatch {
  level?: RelationshipLevel;
  key?: boolean;
  cadenceDays?: number;
}

export interface ApiClient {
  meetingInsights(eventId: string): Promise<MeetingInsights>;
  attendeeCards(emails: string[]): Promise<RelationshipCard[]>;
  updateSuggestion(id: string, action: SuggestionStateAction, until?: string): Promise<Suggestion>;
  updateContact(email: string, patch: ContactPatch): Promise<RelationshipCard>;
}

export interface ApiClientOptions {
  /** "" means the page's own origin. */
  baseUrl: string;
  getToken: () => Promise<string>;
  fetch?: typeof fetch;
  provider?: "microsoft" | "google";
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.baseUrl.replace(/\/$/, "");
  const provider = options.provider ?? "microsoft";

  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const token = await options.getToken();
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError("network", "Can't reach the Rapport service. Check your connection.");
    }
    if (response.status === 401 || response.status === 403)
      throw new ApiError("signed_out", "Your sign-in has expired.", response.status);
    if (response.status === 404) throw new ApiError("not_found", "Not found.", 404);
    if (!response.ok)
      throw new ApiError("server", `The Rapport service failed (${response.status}).`, response.status);
    try {
      return await response.json();
    } catch {
      throw new ApiError("bad_response", "The Rapport service sent an unreadable answer.");
    }
  }

  return {
    async meetingInsights(eventId) {
      const path = `/api/v1/meetings/${provider}/${encodeURIComponent(eventId)}/insights`;
      return asMeetingInsights(await call("GET", path));
    },
    async attendeeCards(emails) {
      const json = await call("POST", "/api/v1/insights/attendees", { emails });
      const attendees = (json as { attendees?: unknown })?.attendees;
      if (!Array.isArray(attendees) || !attendees.every(isCard)) throw badResponse();
      return attendees;
    },
    async updateSuggestion(id, action, until) {
      const json = await call("POST", `/api/v1/suggestions/${encodeURIComponent(id)}`, {
        action,
        ...(until ? { until } : {}),
      });
      if (!isSuggestion(json)) throw badResponse();
      return json;
    },
    async updateContact(email, patch) {
      const json = await call("PUT", `/api/v1/contacts/${encodeURIComponent(email)}`, patch);
      if (!isCard(json)) throw badResponse();
      return json;
    },
  };
}

function badResponse(): ApiError {
  return new ApiError("bad_response", "The Rapport service sent an unexpected answer.");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isCard(value: unknown): value is RelationshipCard {
  return isObject(value) && typeof value.email === "string" && typeof value.level === "string";
}

function isSuggestion(value: unknown): value is Suggestion {
  return (
    isObject(value) &&
    typeof value.id === "string" &&
    typeof value.title === "string" &&
    typeof value.kind === "string" &&
    Array.isArray(value.actions)
  );
}

export function asMeetingInsights(value: unknown): MeetingInsights {
  if (
    !isObject(value) ||
    !isObject(value.meeting) ||
    !Array.isArray(value.attendees) ||
    !value.attendees.every(isCard) ||
    !Array.isArray(value.suggestions) ||
    !value.suggestions.every(isSuggestion) ||
    !Array.isArray(value.more) ||
    !value.more.every(isSuggestion)
  )
    throw badResponse();
  return value as MeetingInsights;
}
