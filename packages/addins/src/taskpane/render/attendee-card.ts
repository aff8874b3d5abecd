import type { RelationshipCard, RelationshipLevel } from "@rapport/core";
import { h } from "./dom.ts";
import { initials, LEVELS, latest, levelLabel, relativeDay } from "./format.ts";
import type { PaneHandlers } from "./handlers.ts";

export type AttendeeView = RelationshipCard & { response?: string; type?: string };

const RESPONSES: Record<string, string> = {
  accepted: "Accepted",
  tentative: "Tentative",
  declined: "Declined",
  needsAction: "No response",
};

/** The attendees as relationship cards, in the order the API gives them. */
export function renderAttendees(
  doc: Document,
  attendees: AttendeeView[],
  now: Date,
  on: PaneHandlers,
): HTMLElement {
  const people = attendees.filter((a) => a.type !== "resource");
  return h(
    doc,
    "section",
    { class: "rp-section", "aria-labelledby": "rp-attendees-heading" },
    h(doc, "h2", { id: "rp-attendees-heading", class: "rp-section-title" }, `Attendees (${people.length})`),
    people.length === 0
      ? h(doc, "p", { class: "rp-muted" }, "No attendees yet.")
      : h(
          doc,
          "ul",
          { class: "rp-people" },
          people.map((a) => renderAttendeeCard(doc, a, now, on)),
        ),
  );
}

export function renderAttendeeCard(
  doc: Document,
  card: AttendeeView,
  now: Date,
  on: PaneHandlers,
): HTMLElement {
  const name = card.name?.trim() || card.email;
  const lastContact = latest(card.lastMetAt, card.lastMailInAt, card.lastMailOutAt);
  const selectId = `rp-level-${cssId(card.email)}`;
  const facts = [
    card.known ? `Last contact ${relativeDay(lastContact, now)}` : "Never met or written",
    card.meetingsLast90Days > 0 &&
      `${card.meetingsLast90Days} meeting${card.meetingsLast90Days === 1 ? "" : "s"} in 90 days`,
    card.unansweredInbound > 0 && `${card.unansweredInbound} unanswered`,
  ].filter((f): f is string => typeof f === "string");
  return h(
    doc,
    "li",
    { class: "rp-person", "data-email": card.email },
    h(
      doc,
      "div",
      { class: `rp-avatar rp-level-${card.level}`, "aria-hidden": "true" },
      initials(card.name, card.email),
    ),
    h(
      doc,
      "div",
      { class: "rp-person-main" },
      h(
        doc,
        "div",
        { class: "rp-person-name" },
        h(doc, "span", {}, name),
        card.key &&
          h(
            doc,
            "span",
            { class: "rp-key", title: "Key contact" },
            "★",
            h(doc, "span", { class: "rp-sr" }, " key contact"),
          ),
      ),
      h(
        doc,
        "div",
        { class: "rp-person-meta" },
        [
          card.name ? card.email : null,
          card.isInternal ? "Internal" : "External",
          card.response ? RESPONSES[card.response] : null,
        ]
          .filter(Boolean)
          .join(" · "),
      ),
      h(doc, "div", { class: "rp-person-facts" }, facts.join(" · ")),
      h(
        doc,
        "div",
        { class: "rp-person-controls" },
        h(doc, "label", { class: "rp-label", for: selectId }, "Level"),
        levelSelect(doc, selectId, card, on),
        h(
          doc,
          "button",
          {
            type: "button",
            id: `rp-key-${cssId(card.email)}`,
            class: "rp-button rp-button-subtle rp-key-toggle",
            "aria-pressed": card.key ? "true" : "false",
            "aria-label": `Key contact: ${name}`,
            onclick: () => on.setKey(card.email, !card.key),
          },
          card.key ? "★ Key" : "☆ Key",
        ),
      ),
    ),
  );
}

function levelSelect(doc: Document, id: string, card: AttendeeView, on: PaneHandlers): HTMLElement {
  const select = h(
    doc,
    "select",
    { id, class: "rp-select", "aria-describedby": card.levelChosen ? undefined : `${id}-hint` },
    LEVELS.map((level) =>
      h(doc, "option", { value: level, selected: level === card.level }, levelLabel(level)),
    ),
  ) as HTMLSelectElement;
  select.addEventListener("change", () => on.setLevel(card.email, select.value as RelationshipLevel));
  if (card.levelChosen) return select;
  return h(
    doc,
    "span",
    { class: "rp-level-wrap" },
    select,
    h(doc, "span", { id: `${id}-hint`, class: "rp-hint" }, "inferred"),
  );
}

function cssId(email: string): string {
  return email.replace(/[^a-zA-Z0-9_-]/g, "_");
}
