import type { Button, Card, RenderAction, Widget } from "../google/card-types.ts";

/**
 * Renders Cards v2 JSON to HTML approximately (header, sections, decoratedText, textParagraph,
 * buttonList, divider), so the Google card can be looked at without Google.
 */

export function cardFromResponse(json: unknown): Card | null {
  const action =
    (json as Partial<RenderAction> & { renderActions?: RenderAction })?.renderActions?.action ??
    (json as RenderAction)?.action;
  const nav = action?.navigations?.[0];
  if (nav && "pushCard" in nav) return nav.pushCard;
  if (nav && "updateCard" in nav) return nav.updateCard;
  return (json as Card)?.sections ? (json as Card) : null;
}

export function renderCard(doc: Document, card: Card): HTMLElement {
  const root = el(doc, "div", "gc-card");
  if (card.header) {
    const header = el(doc, "div", "gc-header");
    header.append(textEl(doc, "div", "gc-title", card.header.title));
    if (card.header.subtitle) header.append(textEl(doc, "div", "gc-subtitle", card.header.subtitle));
    root.append(header);
  }
  for (const section of card.sections) {
    const block = el(doc, "section", "gc-section");
    if (section.header) block.append(textEl(doc, "div", "gc-section-header", section.header));
    section.widgets.forEach((widget, index) => {
      const rendered = renderWidget(doc, widget);
      if (section.collapsible && index >= (section.uncollapsibleWidgetsCount ?? 0))
        rendered.classList.add("gc-collapsed");
      block.append(rendered);
    });
    if (section.collapsible) {
      const more = doc.createElement("button");
      more.className = "gc-more";
      more.type = "button";
      more.textContent = "Show more";
      more.addEventListener("click", () => {
        for (const hidden of block.querySelectorAll(".gc-collapsed")) hidden.classList.remove("gc-collapsed");
        more.remove();
      });
      block.append(more);
    }
    root.append(block);
  }
  return root;
}

function renderWidget(doc: Document, widget: Widget): HTMLElement {
  if ("textParagraph" in widget) return textEl(doc, "p", "gc-text", widget.textParagraph.text);
  if ("divider" in widget) return el(doc, "hr", "gc-divider");
  if ("buttonList" in widget) {
    const row = el(doc, "div", "gc-buttons");
    for (const button of widget.buttonList.buttons) row.append(renderButton(doc, button));
    return row;
  }
  const d = widget.decoratedText;
  const box = el(doc, "div", "gc-decorated");
  if (d.topLabel) box.append(textEl(doc, "div", "gc-label", d.topLabel));
  box.append(textEl(doc, "div", "gc-decorated-text", d.text));
  if (d.bottomLabel) box.append(textEl(doc, "div", "gc-label", d.bottomLabel));
  return box;
}

function renderButton(doc: Document, button: Button): HTMLElement {
  const element = doc.createElement(button.onClick.openLink ? "a" : "button");
  element.className = `gc-button ${button.type === "FILLED" ? "gc-filled" : ""}`;
  element.textContent = button.text;
  if (element instanceof HTMLAnchorElement && button.onClick.openLink)
    element.href = button.onClick.openLink.url;
  else element.setAttribute("title", "Runs the add-on's action endpoint in Google Calendar");
  return element;
}

/** Google card text allows a few HTML tags; the preview shows bold and drops the rest. */
function textEl(doc: Document, tag: string, cls: string, html: string): HTMLElement {
  const element = el(doc, tag, cls);
  const bold = /^<b>([\s\S]*)<\/b>$/.exec(html);
  const text = unescapeHtml((bold?.[1] ?? html).replace(/<[^>]*>/g, ""));
  if (bold) element.append(Object.assign(doc.createElement("b"), { textContent: text }));
  else element.textContent = text;
  return element;
}

function unescapeHtml(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function el(doc: Document, tag: string, cls: string): HTMLElement {
  const element = doc.createElement(tag);
  element.className = cls;
  return element;
}
