import type { MeetingInsights, RelationshipCard } from "@rapport/core";
import { renderAttendees } from "./attendee-card.ts";
import { h } from "./dom.ts";
import type { PaneHandlers } from "./handlers.ts";
import { renderError, renderLoading, renderNote, renderSignedOut } from "./states.ts";
import { renderSuggestionList } from "./suggestion-list.ts";

/** Everything the pane can show; the controller holds one of these and re-renders on change. */
export type PaneView =
  | { kind: "loading" }
  | { kind: "signed_out"; message: string; canSignIn: boolean }
  | { kind: "error"; message: string }
  | { kind: "insights"; insights: MeetingInsights; expanded: boolean; busy: ReadonlySet<string> }
  /** Compose mode before the meeting was saved: cards for the attendees on the form. */
  | { kind: "attendees"; cards: RelationshipCard[]; note: string };

export function renderPaneBody(doc: Document, view: PaneView, now: Date, on: PaneHandlers): HTMLElement {
  switch (view.kind) {
    case "loading":
      return renderLoading(doc);
    case "signed_out":
      return renderSignedOut(doc, view.message, view.canSignIn, on);
    case "error":
      return renderError(doc, view.message, on);
    case "attendees":
      return h(doc, "div", {}, renderNote(doc, view.note), renderAttendees(doc, view.cards, now, on));
    case "insights": {
      const { insights } = view;
      return h(
        doc,
        "div",
        {},
        renderMeetingLine(doc, insights),
        renderSuggestionList(
          doc,
          { top: insights.suggestions, more: insights.more, expanded: view.expanded, busy: view.busy },
          on,
        ),
        renderAttendees(doc, insights.attendees, now, on),
      );
    }
  }
}

function renderMeetingLine(doc: Document, insights: MeetingInsights): HTMLElement {
  const { meeting } = insights;
  const when = new Date(meeting.start);
  const date = Number.isNaN(when.getTime())
    ? ""
    : when.toLocaleString(undefined, {
        weekday: "short",
        day: "numeric",
        month: "short",
        hour: "2-digit",
        minute: "2-digit",
      });
  return h(
    doc,
    "p",
    { class: "rp-meeting" },
    h(doc, "span", { class: "rp-meeting-subject" }, meeting.subject || "(no subject)"),
    date && h(doc, "span", { class: "rp-muted" }, ` · ${date}`),
    h(doc, "span", { class: "rp-muted" }, meeting.isOrganizer ? " · You organize" : " · You attend"),
  );
}

/** The pane's fixed frame: title, a live region for status, and the body slot. */
export function renderFrame(doc: Document): { root: HTMLElement; body: HTMLElement; status: HTMLElement } {
  const status = h(doc, "div", { class: "rp-status", role: "status", "aria-live": "polite" });
  const body = h(doc, "main", { class: "rp-body" });
  const root = h(
    doc,
    "div",
    { class: "rp-pane" },
    h(doc, "header", { class: "rp-header" }, h(doc, "h1", { class: "rp-title" }, "Rapport")),
    status,
    body,
  );
  return { root, body, status };
}
