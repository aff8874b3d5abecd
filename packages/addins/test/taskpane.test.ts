import type { MeetingInsights } from "@rapport/core";
import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import { type ApiClient, ApiError } from "../src/taskpane/api.ts";
import { startTaskPane } from "../src/taskpane/app.ts";
import { createTokenProvider } from "../src/taskpane/auth.ts";
import { fakeOffice } from "./fake-office.ts";
import { sampleInsights, sampleNow } from "./sample-insights.ts";

interface Calls {
  insights: string[];
  attendees: string[][];
  suggestions: { id: string; action: string; until?: string }[];
  contacts: { email: string; patch: unknown }[];
}

function fakeApi(insights: MeetingInsights | ApiError, calls: Calls): ApiClient {
  return {
    async meetingInsights(eventId) {
      calls.insights.push(eventId);
      if (insights instanceof ApiError) throw insights;
      return structuredClone(insights);
    },
    async attendeeCards(emails) {
      calls.attendees.push(emails);
      const source = insights instanceof ApiError ? sampleInsights() : insights;
      return source.attendees.filter((a) => emails.includes(a.email));
    },
    async updateSuggestion(id, action, until) {
      calls.suggestions.push({ id, action, until });
      return { ...sampleInsights().suggestions[0], id, state: "dismissed" } as never;
    },
    async updateContact(email, patch) {
      calls.contacts.push({ email, patch });
      const card = sampleInsights().attendees.find((a) => a.email === email);
      return { ...card, ...patch, levelChosen: true } as never;
    },
  };
}

async function setup(
  options: {
    mode?: "read" | "compose" | "unsaved";
    insights?: MeetingInsights | ApiError;
    naa?: boolean;
  } = {},
) {
  const window = new Window();
  const doc = window.document as unknown as Document;
  const mount = doc.createElement("div");
  doc.body.append(mount);
  const calls: Calls = { insights: [], attendees: [], suggestions: [], contacts: [] };
  const office = fakeOffice({
    mode: options.mode ?? "read",
    attendees: ["dana@northwind.example", "sam@contoso.example"],
    naa: options.naa,
  });
  const auth = createTokenProvider({ office, devToken: async () => "t" });
  const api = fakeApi(options.insights ?? sampleInsights(), calls);
  const pane = startTaskPane({ doc, mount, office, api, auth, now: () => sampleNow });
  await pane.load();
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const titles = () => [...mount.querySelectorAll(".rp-suggestion-title")].map((e) => e.textContent);
  const click = async (selector: string) => {
    (mount.querySelector(selector) as HTMLElement | null)?.click();
    await settle();
  };
  return { mount, calls, office, pane, titles, click, settle };
}

describe("task pane", () => {
  it("shows the top suggestions of the open meeting, looked up by its REST id, with the rest one click away", async () => {
    const { calls, titles, mount, click } = await setup();
    expect(calls.insights).toEqual(["rest:ews-1"]);
    expect(titles()).toEqual(sampleInsights().suggestions.map((s) => s.title));
    expect(mount.querySelector(".rp-link-button")?.textContent).toBe("Show 1 more");
    await click(".rp-link-button");
    expect(titles()).toHaveLength(4);
    expect(mount.querySelectorAll(".rp-person")).toHaveLength(3);
  });

  it("dismissing a suggestion posts the action, removes it, pulls the next one up and says so", async () => {
    const { calls, titles, mount, click } = await setup();
    await click('[data-suggestion-id="sug_unannounced"] [data-action="dismiss"]');
    expect(calls.suggestions).toEqual([{ id: "sug_unannounced", action: "dismiss", until: undefined }]);
    expect(titles()).not.toContain("Let Dana know Sam is joining");
    expect(titles()).toContain("First meeting with Lee Park");
    expect(mount.querySelector(".rp-status")?.textContent).toContain("Dismissed");
  });

  it("snoozing asks for one week from now", async () => {
    const { calls, click } = await setup();
    await click('[data-suggestion-id="sug_reconnect"] [data-action="snooze"]');
    expect(calls.suggestions[0]?.until).toBe(new Date(sampleNow.getTime() + 7 * 86_400_000).toISOString());
  });

  it("'Let them know' opens a new message to the earlier attendees with the drafted text, escaped", async () => {
    const insights = sampleInsights();
    const draft = insights.suggestions[0]?.actions[0];
    if (draft) draft.body = "Hi <Dana>,\n\nSam joins.";
    const { office, click } = await setup({ insights });
    await click('[data-action="draft_email"]');
    expect(office.drafts).toEqual([
      {
        toRecipients: ["dana@northwind.example"],
        subject: "Sam will join us on Wednesday",
        htmlBody: "<p>Hi &lt;Dana&gt;,</p><p>Sam joins.</p>",
      },
    ]);
  });

  it("a meeting being composed and never saved shows attendee cards without saving it", async () => {
    const { calls, office, mount } = await setup({ mode: "unsaved" });
    expect(office.saveCalls).toBe(0);
    expect(calls.insights).toEqual([]);
    expect(calls.attendees).toEqual([["dana@northwind.example", "sam@contoso.example"]]);
    expect(mount.querySelector(".rp-note")?.textContent).toContain("once the meeting is saved");
    expect(mount.querySelectorAll(".rp-person")).toHaveLength(2);
  });

  it("a saved meeting in compose mode gets its full insights by id", async () => {
    const { calls, office } = await setup({ mode: "compose" });
    expect(calls.insights).toEqual(["rest:ews-1"]);
    expect(office.saveCalls).toBe(0);
  });

  it("a meeting the API doesn't know yet falls back to attendee cards with an explanation", async () => {
    const { calls, mount } = await setup({ insights: new ApiError("not_found", "Not found.", 404) });
    expect(calls.attendees).toHaveLength(1);
    expect(mount.querySelector(".rp-note")?.textContent).toContain("isn't in Rapport yet");
  });

  it("a refused token shows the signed-out state with a sign-in button", async () => {
    const { mount } = await setup({ insights: new ApiError("signed_out", "expired", 401) });
    expect(mount.textContent).toContain("You're signed out");
    expect([...mount.querySelectorAll("button")].map((b) => b.textContent)).toContain("Sign in");
  });

  it("a failing API shows an error with a retry that loads again", async () => {
    const { mount, calls, click } = await setup({
      insights: new ApiError("server", "The Rapport service failed (500).", 500),
    });
    expect(mount.querySelector('[role="alert"]')?.textContent).toContain("failed (500)");
    await click('[role="alert"] button');
    expect(calls.insights).toHaveLength(2);
  });

  it("choosing a level saves it and keeps the choice on the card", async () => {
    const { mount, calls, settle } = await setup();
    const select = mount.querySelector('[data-email="lee@northwind.example"] select') as HTMLSelectElement;
    select.value = "trusted";
    select.dispatchEvent(
      new (select.ownerDocument.defaultView as unknown as typeof globalThis).Event("change"),
    );
    await settle();
    expect(calls.contacts).toEqual([{ email: "lee@northwind.example", patch: { level: "trusted" } }]);
    const after = mount.querySelector('[data-email="lee@northwind.example"] select') as HTMLSelectElement;
    expect(after.value).toBe("trusted");
    expect(mount.querySelector('[data-email="lee@northwind.example"] .rp-hint')).toBeNull();
  });

  it("every action is a real button with an accessible name, and status changes are announced politely", async () => {
    const { mount } = await setup();
    const buttons = [...mount.querySelectorAll("button")];
    expect(buttons.length).toBeGreaterThan(5);
    for (const b of buttons) expect(b.getAttribute("aria-label") || b.textContent?.trim()).toBeTruthy();
    expect(mount.querySelector('[role="status"]')?.getAttribute("aria-live")).toBe("polite");
    for (const select of mount.querySelectorAll("select"))
      expect(mount.querySelector(`label[for="${select.id}"]`)).not.toBeNull();
  });
});
