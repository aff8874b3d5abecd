import { SuggestionKind } from "@rapport/core";
import { z } from "zod";
import { requestJson } from "./http.ts";
import type { ObservedSuggestion } from "./score.ts";

/** The parts of our own API the replay uses: local dev tokens, contacts, open suggestions. */

const DevToken = z.object({ token: z.string().min(1) });

const SuggestionPage = z.object({
  suggestions: z.array(
    z.looseObject({
      kind: SuggestionKind,
      meeting: z.looseObject({ eventId: z.string() }).nullish(),
      contactEmail: z.string().nullish(),
    }),
  ),
  cursor: z.string().nullish(),
});

const MAX_PAGES = 200;

export interface ContactChoice {
  level?: string;
  key?: boolean;
  cadenceDays?: number;
}

export async function devToken(apiUrl: string, email: string): Promise<string> {
  const url = new URL(`/dev/token?email=${encodeURIComponent(email)}`, apiUrl);
  const answer = DevToken.safeParse(await requestJson("GET /dev/token", url.href));
  if (!answer.success) throw new Error("GET /dev/token: answer has no token");
  return answer.data.token;
}

export async function setContact(
  apiUrl: string,
  token: string,
  email: string,
  choice: ContactChoice,
): Promise<void> {
  const url = new URL(`/api/v1/contacts/${encodeURIComponent(email)}`, apiUrl);
  await requestJson("PUT /api/v1/contacts/{email}", url.href, { method: "PUT", body: choice, token });
}

/** Every open suggestion, following the cursor until the last page. */
export async function openSuggestions(apiUrl: string, token: string): Promise<ObservedSuggestion[]> {
  const observed: ObservedSuggestion[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const url = new URL("/api/v1/suggestions", apiUrl);
    url.searchParams.set("state", "open");
    if (cursor) url.searchParams.set("cursor", cursor);
    const parsed = SuggestionPage.safeParse(
      await requestJson("GET /api/v1/suggestions", url.href, { token }),
    );
    if (!parsed.success) {
      throw new Error(
        `GET /api/v1/suggestions: unexpected answer (${parsed.error.issues[0]?.message ?? "?"})`,
      );
    }
    for (const suggestion of parsed.data.suggestions) {
      observed.push({
        kind: suggestion.kind,
        ...(suggestion.meeting ? { eventId: suggestion.meeting.eventId } : {}),
        ...(suggestion.contactEmail ? { contactEmail: suggestion.contactEmail } : {}),
      });
    }
    cursor = parsed.data.cursor ?? undefined;
    if (!cursor) return observed;
  }
  throw new Error(`GET /api/v1/suggestions: more than ${MAX_PAGES} pages`);
}
