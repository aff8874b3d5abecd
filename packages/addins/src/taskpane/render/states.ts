import { h } from "./dom.ts";
import type { PaneHandlers } from "./handlers.ts";

/** Grey placeholders in the shape of the content, while the first answer is on its way. */
export function renderLoading(doc: Document): HTMLElement {
  const block = (cls: string) => h(doc, "div", { class: `rp-skeleton ${cls}` });
  return h(
    doc,
    "div",
    { class: "rp-loading", "aria-busy": "true", "aria-label": "Loading relationship insights" },
    block("rp-skeleton-heading"),
    [1, 2].map(() =>
      h(
        doc,
        "div",
        { class: "rp-skeleton-card" },
        block("rp-skeleton-line"),
        block("rp-skeleton-line rp-short"),
      ),
    ),
    block("rp-skeleton-heading"),
    [1, 2, 3].map(() =>
      h(doc, "div", { class: "rp-skeleton-person" }, block("rp-skeleton-avatar"), block("rp-skeleton-line")),
    ),
  );
}

export function renderError(doc: Document, message: string, on: PaneHandlers): HTMLElement {
  return h(
    doc,
    "div",
    { class: "rp-message rp-message-error", role: "alert" },
    h(doc, "p", { class: "rp-message-title" }, "Something went wrong"),
    h(doc, "p", {}, message),
    h(
      doc,
      "button",
      { type: "button", class: "rp-button rp-button-primary", onclick: () => on.retry() },
      "Try again",
    ),
  );
}

export function renderSignedOut(
  doc: Document,
  message: string,
  canSignIn: boolean,
  on: PaneHandlers,
): HTMLElement {
  return h(
    doc,
    "div",
    { class: "rp-message" },
    h(doc, "p", { class: "rp-message-title" }, "You're signed out"),
    h(doc, "p", {}, message),
    canSignIn
      ? h(
          doc,
          "button",
          { type: "button", class: "rp-button rp-button-primary", onclick: () => on.signIn() },
          "Sign in",
        )
      : h(doc, "button", { type: "button", class: "rp-button", onclick: () => on.retry() }, "Try again"),
  );
}

/** A quiet note above the content (e.g. unsaved meeting, meeting not synced yet). */
export function renderNote(doc: Document, text: string): HTMLElement {
  return h(doc, "p", { class: "rp-note" }, text);
}
