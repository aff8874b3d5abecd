import { describe, expect, it } from "vitest";
import { reportPeriod, runWeeklyReports, weeklyReportDue } from "../src/index.ts";
import { aUser } from "./fixture.ts";
import { freshStore, links, recordingSender } from "./harness.ts";

const HOUR = 3_600_000;
const newYork = aUser("usr_ny", { timeZone: "America/New_York" }, "ny@northwind.example");
const london = aUser("usr_ldn", { timeZone: "Europe/London" }, "ldn@northwind.example");

describe("weekly report schedule", () => {
  it("is due at local Monday 08:00 on both sides of New York's autumn clock change", () => {
    // Before the change (EDT, UTC-4) and after it (EST, UTC-5, from Sunday 1 November 2026).
    expect(weeklyReportDue(newYork, new Date("2026-10-26T11:59:00Z"))).toBeUndefined();
    expect(weeklyReportDue(newYork, new Date("2026-10-26T12:00:00Z"))).toBe("2026-W44");
    expect(weeklyReportDue(newYork, new Date("2026-11-02T12:30:00Z"))).toBeUndefined();
    expect(weeklyReportDue(newYork, new Date("2026-11-02T13:00:00Z"))).toBe("2026-W45");
  });

  it("covers the seven local days before the report, however long the clock-change week is", () => {
    const period = reportPeriod(newYork, new Date("2026-11-02T13:00:00Z"));
    expect(period.start.toISO()).toBe("2026-10-26T00:00:00.000-04:00");
    expect(period.end.toISO()).toBe("2026-11-02T00:00:00.000-05:00");
    expect(period.end.diff(period.start, "hours").hours).toBe(169);
  });

  it("follows the user's chosen day and hour, and stays quiet when reports are off", () => {
    const friday = aUser("usr_fri", { timeZone: "Asia/Tokyo", report: { enabled: true, day: 5, hour: 17 } });
    expect(weeklyReportDue(friday, new Date("2026-11-27T07:59:00Z"))).toBeUndefined();
    expect(weeklyReportDue(friday, new Date("2026-11-27T08:00:00Z"))).toBe("2026-W48");
    const off = aUser("usr_off", { report: { enabled: false, day: 1, hour: 8 } });
    expect(weeklyReportDue(off, new Date("2026-11-23T12:00:00Z"))).toBeUndefined();
  });

  it("sends exactly one report per user when the hourly job runs through a clock-change week", async () => {
    const store = await freshStore("schedule");
    await store.users.create(newYork);
    await store.users.create(london);
    const { sender, sent } = recordingSender();
    /** Every send of an hourly sweep, as "who at when". */
    async function sweep(fromIso: string, hours: number): Promise<string[]> {
      const log: string[] = [];
      for (let h = 0; h < hours; h++) {
        const now = new Date(Date.parse(fromIso) + h * HOUR);
        await runWeeklyReports({ store, sender, now, links });
        for (const mail of sent) log.push(`${mail.to.split("@")[0]} ${now.toISOString()}`);
        sent.length = 0;
      }
      return log.sort();
    }

    // New York's autumn change: Sunday 1 November 2026; Monday 08:00 EST is 13:00 UTC. The first
    // run (Saturday) catches up on that week's report, which the fresh store has not sent yet.
    expect(await sweep("2026-10-31T00:00:00Z", 72)).toEqual([
      "ldn 2026-10-31T00:00:00.000Z",
      "ldn 2026-11-02T08:00:00.000Z",
      "ny 2026-10-31T00:00:00.000Z",
      "ny 2026-11-02T13:00:00.000Z",
    ]);
    // London's spring change: Sunday 29 March 2026; Monday 08:00 BST is 07:00 UTC.
    expect(await sweep("2026-03-29T00:00:00Z", 48)).toEqual([
      "ldn 2026-03-29T00:00:00.000Z",
      "ldn 2026-03-30T07:00:00.000Z",
      "ny 2026-03-29T00:00:00.000Z",
      "ny 2026-03-30T12:00:00.000Z",
    ]);

    // Nothing more in the rest of either week, hour after hour.
    let extra = 0;
    for (let h = 0; h < 48; h++) {
      await runWeeklyReports({
        store,
        sender,
        now: new Date(Date.parse("2026-11-02T14:00:00Z") + h * HOUR),
        links,
      });
      extra += sent.length;
    }
    expect(extra).toBe(0);
  });
});
