import { describe, expect, it } from "vitest";
import { renderBriefing, renderDigest, renderWeeklyReport } from "../src/index.ts";
import { sampleBriefing, sampleWeeklyReport } from "./samples.ts";

function assertSafeHtml(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<svg/i);
  expect(html).not.toMatch(/<img/i);
  // Every link is absolute: no relative hrefs slip in.
  for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(https?:|mailto:)/);
}

describe("briefing email", () => {
  it("names each attendee with level, last met, last mail and history", async () => {
    const email = await renderBriefing(sampleBriefing());
    expect(email.subject).toBe("Briefing: Contoso quarterly review at 14:00 · 3 suggestions");
    for (const part of [email.html, email.text]) {
      expect(part).toContain("Ana López");
      expect(part).toContain("Trusted (your choice) · key contact · contoso.example");
      expect(part).toContain("Last met 42 days ago");
      expect(part).toContain("last mail 5 days ago (from Ana)");
      expect(part).toContain(
        "14 meetings · 23 messages from Ana, 19 from you · 2 messages from Ana still open",
      );
      expect(part).toContain("Mei Tanaka");
      expect(part).toContain("No history yet");
    }
  });

  it("lists open suggestions with their actions and counts the rest", async () => {
    const email = await renderBriefing(sampleBriefing());
    expect(email.text).toContain("- Let Ana know Mei is joining");
    expect(email.text).toContain("Draft a note to Ana: mailto:ana.lopez@contoso.example");
    expect(email.text).toContain("(1 more suggestion in the sidebar)");
    expect(email.html).toContain(
      'href="mailto:ana.lopez@contoso.example?subject=Mei%20joining%20on%20Tuesday"',
    );
  });

  it("shows times in the reader's zone", async () => {
    const view = { ...sampleBriefing(), timeZone: "America/New_York" };
    const email = await renderBriefing(view);
    expect(email.subject).toContain("at 09:00");
    expect(email.text).toContain("Tuesday 24 November, 09:00–10:00 · you organize");
  });

  it("carries the sidebar, settings and unsubscribe links in both parts, with no script or svg", async () => {
    const email = await renderBriefing(sampleBriefing());
    assertSafeHtml(email.html);
    for (const part of [email.html, email.text]) {
      expect(part).toContain("https://rapport.example/settings");
      expect(part).toContain("https://rapport.example/unsubscribe?u=usr_morgan");
      expect(part).toContain("https://rapport.example/addin/taskpane.html");
    }
  });

  it("escapes names and subjects instead of injecting markup", async () => {
    const view = sampleBriefing();
    view.meeting.subject = "<script>alert(1)</script> & review";
    const first = view.meeting.attendees[0];
    if (first) first.name = "<b>Ana</b>";
    const email = await renderBriefing(view);
    expect(email.html).not.toMatch(/<script/i);
    expect(email.html).toContain("&lt;b&gt;Ana&lt;/b&gt;");
  });

  it("refuses relative links and script URLs with a clear error", async () => {
    const relative = { ...sampleBriefing(), links: { ...sampleBriefing().links, settings: "/settings" } };
    await expect(renderBriefing(relative)).rejects.toThrow(/settings/);
    const view = sampleBriefing();
    view.meeting.suggestions[0]?.actions.push({ label: "x", href: "javascript:alert(1)" });
    await expect(renderBriefing(view)).rejects.toThrow();
  });
});

describe("morning digest", () => {
  it("briefs every meeting of the day in one email", async () => {
    const one = sampleBriefing();
    const second = {
      ...one.meeting,
      subject: "Fabrikam kickoff",
      start: "2026-11-24T16:00:00.000Z",
      end: "2026-11-24T16:30:00.000Z",
      suggestions: [],
    };
    const email = await renderDigest({ ...one, date: "2026-11-24", meetings: [one.meeting, second] });
    expect(email.subject).toBe("Today: 2 meetings to prepare for");
    expect(email.text).toContain("Contoso quarterly review");
    expect(email.text).toContain("Fabrikam kickoff");
    expect(email.html).toContain("16:00 · Fabrikam kickoff");
    assertSafeHtml(email.html);
  });
});

describe("weekly report email", () => {
  it("leads with health, its trend and the most overdue key contacts with days", async () => {
    const email = await renderWeeklyReport(sampleWeeklyReport());
    expect(email.subject).toBe("Your relationship week: health 72, 3 key contacts to reconnect with");
    for (const part of [email.html, email.text]) {
      expect(part).toContain("72 / 100");
      expect(part).toContain("Up 5 since last week.");
      expect(part).toContain("31 people");
      expect(part).toContain("58 days since you last spoke, 28 days past your 30-day rhythm.");
      expect(part).toContain("41 days since you last spoke, 11 days past your 30-day rhythm.");
      expect(part).toContain("And 1 more in the sidebar.");
    }
    expect(email.text.indexOf("Dana Kim")).toBeLessThan(email.text.indexOf("Ana López 41"));
  });

  it("covers levels, balance, unanswered mail, targets, unannounced additions and second-hand ties", async () => {
    const { text, html } = await renderWeeklyReport(sampleWeeklyReport());
    for (const part of [text, html]) {
      expect(part).toContain("Tentative → Target");
      expect(part).toContain("You started 6, David started 0");
      expect(part).toContain("You started 0, Felix started 6");
      expect(part).toContain("2 messages waiting, the oldest from 3 days ago.");
      expect(part).toContain("0 of 1 this week");
      expect(part).toContain("Helen Park");
      expect(part).toContain("Mei Tanaka");
      expect(part).toContain("(with Ana López): 1 message waiting for a reply.");
    }
  });

  it("draws charts as tables and CSS bars that email clients render", async () => {
    const { html, text } = await renderWeeklyReport(sampleWeeklyReport());
    assertSafeHtml(html);
    expect(html).toMatch(/<td width="72%" style="background:#2563eb/);
    expect(text).toContain("16 Nov  ███████··· 72");
  });

  it("says something kind when a section is empty", async () => {
    const view = sampleWeeklyReport();
    view.overdue = { items: [], total: 0 };
    view.health = { score: null, contactsCounted: 0, keyContactsCounted: 0, trend: [] };
    const email = await renderWeeklyReport(view);
    expect(email.text).toContain("Every key contact is within their rhythm.");
    expect(email.text).toContain("No data yet");
    expect(email.subject).toBe("Your relationship week: every key contact in rhythm");
  });
});
