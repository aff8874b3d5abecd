import mjml2html from "mjml";
import { escapeHtml } from "./format.ts";
import type { EmailLinks } from "./views.ts";

/** The frame every email shares: brand bar, content sections, footer links. Written in MJML. */

export const COLORS = {
  ink: "#1f2933",
  muted: "#52606d",
  line: "#e4e7eb",
  page: "#f5f7fa",
  accent: "#2563eb",
  good: "#15803d",
  warn: "#b45309",
  soft: "#eef2ff",
} as const;

const FONT = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

export interface DocumentParts {
  title: string;
  /** The line mail clients show after the subject. */
  preview: string;
  sections: string[];
  links: EmailLinks;
  /** Why the reader gets this email, for the footer. */
  reason: string;
}

export async function renderDocument(parts: DocumentParts): Promise<string> {
  const { links } = parts;
  const source = `<mjml>
  <mj-head>
    <mj-title>${escapeHtml(parts.title)}</mj-title>
    <mj-preview>${escapeHtml(parts.preview)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="${FONT}" />
      <mj-text font-size="15px" line-height="22px" color="${COLORS.ink}" padding="4px 24px" />
      <mj-section background-color="#ffffff" padding="8px 0" />
      <mj-button background-color="${COLORS.accent}" color="#ffffff" font-size="14px" border-radius="6px" inner-padding="10px 18px" />
    </mj-attributes>
    <mj-style>
      .muted div { color: ${COLORS.muted} !important; }
      a { color: ${COLORS.accent}; }
    </mj-style>
  </mj-head>
  <mj-body background-color="${COLORS.page}" width="640px">
    <mj-section background-color="${COLORS.page}" padding="20px 0 8px">
      <mj-column>
        <mj-text font-size="13px" font-weight="700" letter-spacing="1px" color="${COLORS.accent}" padding="0 24px">RAPPORT</mj-text>
      </mj-column>
    </mj-section>
    ${parts.sections.join("\n")}
    <mj-section background-color="${COLORS.page}" padding="16px 0 28px">
      <mj-column>
        <mj-text font-size="12px" line-height="18px" color="${COLORS.muted}" align="center">
          ${escapeHtml(parts.reason)}<br />
          <a href="${escapeHtml(links.sidebar)}" style="color:${COLORS.muted}">Open the sidebar</a> &nbsp;·&nbsp;
          <a href="${escapeHtml(links.settings)}" style="color:${COLORS.muted}">Email settings</a> &nbsp;·&nbsp;
          <a href="${escapeHtml(links.unsubscribe)}" style="color:${COLORS.muted}">Unsubscribe</a>
        </mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
  const result = await mjml2html(source, { validationLevel: "strict", keepComments: false });
  return result.html;
}

/** A white card of text blocks, one column (stacks naturally on phones). */
export function card(...blocks: string[]): string {
  return `<mj-section background-color="#ffffff" padding="12px 0" border-bottom="1px solid ${COLORS.line}">
  <mj-column>
    ${blocks.join("\n")}
  </mj-column>
</mj-section>`;
}

export function heading(text: string, note?: string): string {
  const sub = note
    ? `<br /><span style="font-size:13px;font-weight:400;color:${COLORS.muted}">${escapeHtml(note)}</span>`
    : "";
  return `<mj-text font-size="18px" line-height="24px" font-weight="700" padding="8px 24px 6px">${escapeHtml(text)}${sub}</mj-text>`;
}

/** Raw inner HTML in a text block: callers escape what they interpolate. */
export function textBlock(innerHtml: string, attributes = ""): string {
  return `<mj-text ${attributes}>${innerHtml}</mj-text>`;
}

export function mutedBlock(innerHtml: string): string {
  return `<mj-text font-size="13px" line-height="19px" color="${COLORS.muted}">${innerHtml}</mj-text>`;
}

export function button(label: string, href: string): string {
  return `<mj-button href="${escapeHtml(href)}" align="left" padding="10px 24px 6px">${escapeHtml(label)}</mj-button>`;
}

export function badge(label: string, color: string = COLORS.muted, background: string = COLORS.line): string {
  return `<span style="display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;line-height:18px;color:${color};background:${background}">${escapeHtml(label)}</span>`;
}
