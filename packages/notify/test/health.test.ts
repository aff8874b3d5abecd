import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { type ActivityGrid, addInteraction, weekBoundaries } from "../src/weekly/activity.ts";
import { healthTrend, overallHealth } from "../src/weekly/health.ts";
import { mail } from "./fixture.ts";

const END = DateTime.fromISO("2026-11-23T00:00:00", { zone: "Europe/London" });

function grid(): ActivityGrid {
  return { boundaries: weekBoundaries(END), byContact: new Map() };
}

describe("overall health", () => {
  it("weighs key contacts three times and leaves out people silent for 90 days", () => {
    const now = new Date("2026-11-23T08:00:00Z");
    const result = overallHealth(
      [
        { health: 90, key: true, lastContactAt: "2026-11-01T00:00:00Z", cadenceDays: 30 },
        { health: 50, key: false, lastContactAt: "2026-10-01T00:00:00Z", cadenceDays: 30 },
        { health: 10, key: false, lastContactAt: "2026-06-01T00:00:00Z", cadenceDays: 30 },
        { health: 0, key: false, cadenceDays: 30 },
      ],
      now,
    );
    expect(result).toEqual({ score: (90 * 3 + 50) / 4, contactsCounted: 2, keyContactsCounted: 1 });
  });

  it("trends down week by week for a tie that went quiet, ending at today's figure", () => {
    const g = grid();
    // Weekly mail until early September, then silence.
    for (let week = 20; week >= 12; week--) {
      addInteraction(
        g,
        mail(
          "u",
          "ana@client.example",
          END.minus({ weeks: week, days: -2 }).toUTC().toISO() ?? "",
          "inbound",
          `m${week}`,
        ),
      );
    }
    const trend = healthTrend(g, () => ({ key: true, cadenceDays: 30 }), 40);
    expect(trend).toHaveLength(8);
    expect(trend.at(-1)).toBe(40);
    for (let i = 1; i < trend.length; i++) expect(trend[i] ?? 0).toBeLessThanOrEqual(trend[i - 1] ?? 0);
    expect((trend[0] ?? 0) - (trend.at(-1) ?? 0)).toBeGreaterThan(20);
  });

  it("ignores interactions outside the 21 weeks it reads and those that did not happen", () => {
    const g = grid();
    addInteraction(
      g,
      mail("u", "a@x.example", END.plus({ days: 1 }).toUTC().toISO() ?? "", "inbound", "future"),
    );
    addInteraction(g, {
      ...mail("u", "b@x.example", END.minus({ days: 3 }).toUTC().toISO() ?? "", "inbound", "c"),
      kind: "meeting",
      status: "cancelled",
    });
    expect(g.byContact.size).toBe(0);
  });
});
