import { footerText } from "./briefing-text.ts";
import { barChart, textBars } from "./charts.ts";
import { escapeHtml, firstName, longDate, plural, shortDate } from "./format.ts";
import { button, COLORS, card, heading, mutedBlock, renderDocument, textBlock } from "./layout.ts";
import { type RenderedEmail, WeeklyReportView } from "./views.ts";
import { type ReportSection, reportSections } from "./weekly-sections.ts";

const REASON = "You get this report once a week; pick the day and hour in your settings.";

/** The weekly relationship health report. */
export async function renderWeeklyReport(input: WeeklyReportView): Promise<RenderedEmail> {
  const view = WeeklyReportView.parse(input);
  const sections = reportSections(view);
  const range = `${shortDate(view.week.start)} – ${longDate(view.week.end)}`;
  const score = view.health.score === null ? "" : `health ${Math.round(view.health.score)}`;
  const todo =
    view.overdue.total === 0
      ? "every key contact in rhythm"
      : `${plural(view.overdue.total, "key contact")} to reconnect with`;
  const subject = `Your relationship week: ${score ? `${score}, ` : ""}${todo}`;
  const hello = view.userName
    ? `Good morning ${firstName({ email: "", name: view.userName })}.`
    : "Good morning.";
  const intro = `${hello} Here is how your relationships stood in the week of ${range}.`;

  const html = await renderDocument({
    title: subject,
    preview: `${intro} ${todo}.`,
    sections: [
      card(textBlock(escapeHtml(intro), 'font-size="16px" padding="8px 24px"')),
      ...sections.map(sectionHtml),
      card(button("Open the sidebar", view.links.sidebar)),
    ],
    links: view.links,
    reason: REASON,
  });
  const text = [intro, "", ...sections.map(sectionText), footerText(view.links, REASON)].join("\n");
  return { subject, html, text };
}

function sectionHtml(section: ReportSection): string {
  const blocks = [heading(section.title, section.note)];
  if (section.headline) {
    blocks.push(
      textBlock(
        escapeHtml(section.headline),
        `font-size="26px" line-height="32px" font-weight="700" color="${COLORS.accent}"`,
      ),
    );
  }
  if (section.subline) blocks.push(mutedBlock(escapeHtml(section.subline)));
  if (section.chart) blocks.push(barChart(section.chart.rows, section.chart.max));
  for (const item of section.items) {
    const detail = item.detail
      ? `<br /><span style="font-size:13px;color:${COLORS.muted}">${escapeHtml(item.detail)}</span>`
      : "";
    blocks.push(
      textBlock(
        `<div style="padding:6px 0;border-top:1px solid ${COLORS.line}"><strong>${escapeHtml(item.lead)}</strong> ${escapeHtml(item.text)}${detail}</div>`,
        'padding="0 24px"',
      ),
    );
  }
  if (section.more > 0) blocks.push(mutedBlock(`And ${section.more} more in the sidebar.`));
  if (section.items.length === 0 && section.empty) blocks.push(mutedBlock(escapeHtml(section.empty)));
  return card(...blocks);
}

function sectionText(section: ReportSection): string {
  const lines = [section.title.toUpperCase()];
  if (section.note) lines.push(section.note);
  if (section.headline)
    lines.push(section.subline ? `${section.headline} · ${section.subline}` : section.headline);
  if (section.chart) lines.push(textBars(section.chart.rows, section.chart.max));
  for (const item of section.items) {
    lines.push(`- ${item.lead} ${item.text}`);
    if (item.detail) lines.push(`  ${item.detail}`);
  }
  if (section.more > 0) lines.push(`  And ${section.more} more in the sidebar.`);
  if (section.items.length === 0 && section.empty) lines.push(section.empty);
  return `${lines.join("\n")}\n`;
}
