import type { Suggestion, SuggestionAction } from "@rapport/core";
import { h } from "./dom.ts";
import { LEVELS, levelLabel, severityLabel } from "./format.ts";
import type { PaneHandlers } from "./handlers.ts";

export interface SuggestionListInput {
  top: Suggestion[];
  more: Suggestion[];
  expanded: boolean;
  /** Suggestions with a request in flight: their buttons are disabled. */
  busy: ReadonlySet<string>;
}

/** The meeting's suggestions, best first: the top ones, then "Show N more". */
export function renderSuggestionList(
  doc: Document,
  input: SuggestionListInput,
  on: PaneHandlers,
): HTMLElement {
  const shown = input.expanded ? [...input.top, ...input.more] : input.top;
  const hidden = input.expanded ? 0 : input.more.length;
  const section = h(
    doc,
    "section",
    { class: "rp-section", "aria-labelledby": "rp-suggestions-heading" },
    h(doc, "h2", { id: "rp-suggestions-heading", class: "rp-section-title", tabindex: "-1" }, "Suggestions"),
  );
  if (shown.length === 0) {
    section.append(
      h(
        doc,
        "div",
        { class: "rp-empty" },
        h(doc, "p", { class: "rp-empty-title" }, "You're all set"),
        h(doc, "p", {}, "Nothing to act on before this meeting."),
      ),
    );
    return section;
  }
  section.append(
    h(
      doc,
      "ul",
      { class: "rp-suggestions" },
      shown.map((s) => renderSuggestion(doc, s, input.busy.has(s.id), on)),
    ),
  );
  if (hidden > 0)
    section.append(
      h(
        doc,
        "button",
        { type: "button", class: "rp-link-button", onclick: () => on.showMore() },
        `Show ${hidden} more`,
      ),
    );
  return section;
}

export function renderSuggestion(doc: Document, s: Suggestion, busy: boolean, on: PaneHandlers): HTMLElement {
  const titleId = `rp-s-${s.id}`;
  const specific = s.actions.filter(
    (a) => a.type === "draft_email" || a.type === "set_level" || a.type === "mark_key",
  );
  return h(
    doc,
    "li",
    { class: `rp-suggestion rp-sev-${s.severity}`, "data-suggestion-id": s.id, "data-kind": s.kind },
    h(
      doc,
      "article",
      { "aria-labelledby": titleId, "aria-busy": busy ? "true" : undefined },
      h(doc, "span", { class: `rp-badge rp-badge-${s.severity}` }, severityLabel(s.severity)),
      h(doc, "h3", { id: titleId, class: "rp-suggestion-title" }, s.title),
      h(doc, "p", { class: "rp-explanation" }, s.explanation),
      specific.length > 0 &&
        h(
          doc,
          "div",
          { class: "rp-actions rp-actions-primary" },
          specific.map((a) => renderSpecific(doc, s, a, busy, on)),
        ),
      h(
        doc,
        "div",
        { class: "rp-actions" },
        stateButton(doc, s, "done", "Done", busy, on),
        stateButton(doc, s, "snooze", "Snooze 1 week", busy, on),
        stateButton(doc, s, "dismiss", "Dismiss", busy, on),
      ),
    ),
  );
}

function stateButton(
  doc: Document,
  s: Suggestion,
  action: "dismiss" | "snooze" | "done",
  label: string,
  busy: boolean,
  on: PaneHandlers,
): HTMLElement {
  return h(
    doc,
    "button",
    {
      type: "button",
      id: `rp-${action}-${s.id}`,
      class: "rp-button rp-button-subtle",
      "data-action": action,
      "aria-label": `${label}: ${s.title}`,
      disabled: busy,
      onclick: () => on.changeSuggestion(s, action),
    },
    label,
  );
}

function renderSpecific(
  doc: Document,
  s: Suggestion,
  a: SuggestionAction,
  busy: boolean,
  on: PaneHandlers,
): HTMLElement {
  const email = s.contactEmail;
  if (a.type === "draft_email")
    return h(
      doc,
      "button",
      {
        type: "button",
        class: "rp-button rp-button-primary",
        "data-action": "draft_email",
        disabled: busy,
        onclick: () => on.openDraft(s, a),
      },
      a.label || "Let them know",
    );
  if (a.type === "mark_key" && email)
    return h(
      doc,
      "button",
      {
        type: "button",
        class: "rp-button",
        "data-action": "mark_key",
        disabled: busy,
        onclick: () => on.setKey(email, true),
      },
      a.label || "Mark as key contact",
    );
  const level = LEVELS.find((l) => l === a.level);
  if (a.type === "set_level" && email && level)
    return h(
      doc,
      "button",
      {
        type: "button",
        class: "rp-button",
        "data-action": "set_level",
        disabled: busy,
        onclick: () => on.setLevel(email, level),
      },
      a.label || `Mark as ${levelLabel(level)}`,
    );
  return h(doc, "span", { hidden: true });
}
