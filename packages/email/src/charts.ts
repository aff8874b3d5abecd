import { escapeHtml } from "./format.ts";
import { COLORS } from "./layout.ts";

/**
 * Charts as nested tables with percentage widths and background colours: what Outlook, Gmail
 * and Apple Mail all render. No SVG, no images, no script.
 */

export interface BarRow {
  label: string;
  /** null draws an empty row ("no data"). */
  value: number | null;
  valueLabel: string;
  color?: string;
}

export function barChart(rows: BarRow[], max: number): string {
  const body = rows
    .map((row) => {
      const pct =
        row.value === null || max <= 0 ? 0 : Math.max(0, Math.min(100, Math.round((row.value / max) * 100)));
      const filled =
        pct > 0
          ? `<td width="${pct}%" style="background:${row.color ?? COLORS.accent};height:12px;font-size:0;line-height:0;border-radius:3px">&nbsp;</td>`
          : "";
      const rest =
        pct < 100
          ? `<td style="background:${COLORS.line};height:12px;font-size:0;line-height:0">&nbsp;</td>`
          : "";
      return `<tr>
        <td width="64" style="padding:3px 8px 3px 0;font-size:12px;color:${COLORS.muted};white-space:nowrap">${escapeHtml(row.label)}</td>
        <td style="padding:3px 0"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>${filled}${rest}</tr></table></td>
        <td width="44" align="right" style="padding:3px 0 3px 8px;font-size:12px;font-weight:600;white-space:nowrap">${escapeHtml(row.valueLabel)}</td>
      </tr>`;
    })
    .join("\n");
  return `<mj-table padding="4px 24px 8px" cellpadding="0" cellspacing="0" width="100%">${body}</mj-table>`;
}

/** The same chart for the plain-text part: ten blocks per row. */
export function textBars(rows: BarRow[], max: number): string {
  return rows
    .map((row) => {
      const filled = row.value === null || max <= 0 ? 0 : Math.round(Math.min(1, row.value / max) * 10);
      return `  ${row.label.padEnd(7)} ${"█".repeat(filled)}${"·".repeat(10 - filled)} ${row.valueLabel}`;
    })
    .join("\n");
}
