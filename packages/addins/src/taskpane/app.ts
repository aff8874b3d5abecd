import type { MeetingInsights, RelationshipCard, RelationshipLevel, Suggestion } from "@rapport/core";
import { type ApiClient, ApiError } from "./api.ts";
import { AuthError, type TokenProvider } from "./auth.ts";
import { readMeetingContext } from "./office-item.ts";
import type { OfficeSubset } from "./office-types.ts";
import { levelLabel, textToHtml } from "./render/format.ts";
import type { PaneHandlers } from "./render/handlers.ts";
import { type PaneView, renderFrame, renderPaneBody } from "./render/pane.ts";

export interface TaskPaneDeps {
  doc: Document;
  mount: HTMLElement;
  office: OfficeSubset;
  api: ApiClient;
  auth: TokenProvider;
  now: () => Date;
  /** The top of the list: how many suggestions show before "Show N more". */
  topCount?: number;
}

const WEEK = 7 * 24 * 60 * 60 * 1000;

/** The pane's controller: loads, holds the current view, applies the user's actions. */
export function startTaskPane(deps: TaskPaneDeps): { load(): Promise<void> } {
  const { doc, office, api } = deps;
  const frame = renderFrame(doc);
  deps.mount.replaceChildren(frame.root);
  let view: PaneView = { kind: "loading" };
  let generation = 0;

  const show = (next: PaneView, focusFallback?: string) => {
    const active = doc.activeElement;
    const focusedId = active && frame.root.contains(active) ? active.id : "";
    view = next;
    frame.body.replaceChildren(renderPaneBody(doc, view, deps.now(), handlers));
    const target =
      (focusedId && doc.getElementById(focusedId)) ||
      (focusFallback ? doc.querySelector<HTMLElement>(focusFallback) : null);
    if (focusedId || focusFallback) target?.focus();
  };
  const announce = (text: string) => {
    frame.status.textContent = text;
  };

  async function load(): Promise<void> {
    const mine = ++generation;
    show({ kind: "loading" });
    const next = await loadView().catch(errorView);
    if (mine === generation) show(next);
  }

  async function loadView(): Promise<PaneView> {
    const context = await readMeetingContext(office).catch(() => {
      throw new Error("Open a meeting to see relationship insights.");
    });
    if (context.eventId) {
      try {
        const insights = await api.meetingInsights(context.eventId);
        return { kind: "insights", insights, expanded: false, busy: new Set() };
      } catch (error) {
        if (!(error instanceof ApiError && error.kind === "not_found")) throw error;
        return attendeesView(
          context.attendees,
          "This meeting isn't in Rapport yet. Suggestions appear after the next sync.",
        );
      }
    }
    return attendeesView(
      context.attendees,
      "Suggestions appear once the meeting is saved. Here is what you know about the attendees.",
    );
  }

  async function attendeesView(emails: string[], note: string): Promise<PaneView> {
    const cards = emails.length > 0 ? await api.attendeeCards(emails) : [];
    return { kind: "attendees", cards, note };
  }

  function errorView(error: unknown): PaneView {
    if (error instanceof AuthError)
      return { kind: "signed_out", message: error.message, canSignIn: error.reason === "needs_sign_in" };
    if (error instanceof ApiError && error.kind === "signed_out")
      return {
        kind: "signed_out",
        message: "Sign in again to see your relationship insights.",
        canSignIn: true,
      };
    return { kind: "error", message: error instanceof Error ? error.message : "Unknown error." };
  }

  function withInsights(
    change: (insights: MeetingInsights, v: Extract<PaneView, { kind: "insights" }>) => PaneView,
    focus?: string,
  ) {
    if (view.kind === "insights") show(change(view.insights, view), focus);
  }

  function setBusy(id: string, busy: boolean) {
    withInsights((insights, v) => {
      const set = new Set(v.busy);
      if (busy) set.add(id);
      else set.delete(id);
      return { ...v, insights, busy: set };
    });
  }

  async function changeSuggestion(s: Suggestion, action: "dismiss" | "snooze" | "done") {
    setBusy(s.id, true);
    try {
      const until = action === "snooze" ? new Date(deps.now().getTime() + WEEK).toISOString() : undefined;
      await api.updateSuggestion(s.id, action, until);
      withInsights((insights, v) => {
        const busy = new Set(v.busy);
        busy.delete(s.id);
        return { ...v, busy, insights: withoutSuggestion(insights, s.id, deps.topCount ?? 3) };
      }, nextFocus(s.id));
      announce(
        `${action === "dismiss" ? "Dismissed" : action === "done" ? "Marked done" : "Snoozed for a week"}: ${s.title}`,
      );
    } catch (error) {
      setBusy(s.id, false);
      fail(error, "Couldn't update the suggestion");
    }
  }

  function nextFocus(removedId: string): string {
    const items = [...doc.querySelectorAll<HTMLElement>("[data-suggestion-id]")];
    const index = items.findIndex((item) => item.dataset.suggestionId === removedId);
    const neighbour = items[index + 1] ?? items[index - 1];
    return neighbour
      ? `[data-suggestion-id="${neighbour.dataset.suggestionId}"] button`
      : "#rp-suggestions-heading";
  }

  async function updateContact(
    email: string,
    patch: { level?: RelationshipLevel; key?: boolean },
    done: string,
  ) {
    try {
      const card = await api.updateContact(email, patch);
      replaceCard(card);
      announce(done);
    } catch (error) {
      fail(error, `Couldn't update ${email}`);
    }
  }

  function replaceCard(card: RelationshipCard) {
    const same = (c: { email: string }) => c.email.toLowerCase() === card.email.toLowerCase();
    if (view.kind === "insights") {
      const insights = view.insights;
      withInsights(() => ({
        ...(view as Extract<PaneView, { kind: "insights" }>),
        insights: {
          ...insights,
          attendees: insights.attendees.map((a) => (same(a) ? { ...a, ...card } : a)),
        },
      }));
    } else if (view.kind === "attendees") {
      show({ ...view, cards: view.cards.map((c) => (same(c) ? { ...c, ...card } : c)) });
    }
  }

  function fail(error: unknown, what: string) {
    if ((error instanceof ApiError && error.kind === "signed_out") || error instanceof AuthError) {
      show(errorView(error));
      return;
    }
    announce(`${what}: ${error instanceof Error ? error.message : "unknown error"}`);
  }

  const handlers: PaneHandlers = {
    changeSuggestion: (s, action) => void changeSuggestion(s, action),
    openDraft(_s, draft) {
      office.context.mailbox.displayNewMessageForm({
        toRecipients: draft.to ?? [],
        subject: draft.subject ?? "",
        htmlBody: textToHtml(draft.body ?? ""),
      });
      announce("A draft opened in a new window.");
    },
    setLevel: (email, level) => void updateContact(email, { level }, `${email} is now ${levelLabel(level)}.`),
    setKey: (email, key) =>
      void updateContact(
        email,
        { key },
        key ? `${email} is now a key contact.` : `${email} is no longer a key contact.`,
      ),
    showMore: () =>
      withInsights(
        (insights, v) => ({ ...v, insights, expanded: true }),
        `[data-suggestion-id="${view.kind === "insights" ? (view.insights.more[0]?.id ?? "") : ""}"] button`,
      ),
    retry: () => void load(),
    signIn: () =>
      void deps.auth
        .getToken({ interactive: true })
        .then(() => load())
        .catch((error: unknown) => show(errorView(error))),
  };

  return { load };
}

/** The insights without one suggestion; the first of "more" moves up so the top stays full. */
export function withoutSuggestion(insights: MeetingInsights, id: string, topCount: number): MeetingInsights {
  const all = [...insights.suggestions, ...insights.more].filter((s) => s.id !== id);
  const top = Math.max(topCount, 0);
  return { ...insights, suggestions: all.slice(0, top), more: all.slice(top) };
}
