import type { Contact, Interaction } from "@rapport/core";
import { describe, expect, it } from "vitest";
import { analyze } from "../src/analyze.ts";
import { generateMailbox } from "../src/bench/generate-mailbox.ts";
import { createContactAccumulator } from "../src/contact-accumulator.ts";
import { interactionsFromMeeting, interactionsFromMessage } from "../src/interactions.ts";
import { inferLevel } from "../src/levels.ts";

const NOW = "2026-02-09T14:00:00Z";

function interactionsOf(mailbox: ReturnType<typeof generateMailbox>): Interaction[] {
  return [
    ...mailbox.meetings.flatMap((m) => interactionsFromMeeting(m, mailbox.user)),
    ...mailbox.messages.flatMap((m) => interactionsFromMessage(m, mailbox.user)),
  ];
}

describe("generateMailbox", () => {
  it("produces the requested contacts and interactions, deterministically", () => {
    const spec = { years: 5, contacts: 2000, interactions: 50_000, seed: 7, now: NOW };
    const mailbox = generateMailbox(spec);
    const interactions = interactionsOf(mailbox);
    expect(interactions).toHaveLength(50_000);
    expect(new Set(interactions.map((i) => i.contactEmail)).size).toBe(2000);
    const firstAt = Math.min(...interactions.map((i) => Date.parse(i.at)));
    expect(firstAt).toBeGreaterThanOrEqual(Date.parse(NOW) - 5 * 365 * 86_400_000);
    const again = generateMailbox(spec);
    expect(again.meetings.slice(0, 50)).toEqual(mailbox.meetings.slice(0, 50));
    expect(again.messages.length).toBe(mailbox.messages.length);
  });

  it("feeds the whole pipeline: stats by streaming fold, levels, and a full analysis", () => {
    const mailbox = generateMailbox({ years: 1, contacts: 60, interactions: 1500, seed: 3, now: NOW });
    const interactions = interactionsOf(mailbox).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const accumulators = new Map(
      mailbox.people.map((p) => [p, createContactAccumulator(p, mailbox.user, NOW)]),
    );
    for (const i of interactions) accumulators.get(i.contactEmail)?.add(i);
    const contacts: Contact[] = [...accumulators].map(([email, acc], n) => {
      const stats = acc.result();
      const { level, health } = inferLevel(stats, NOW);
      return {
        userId: mailbox.user.userId,
        email,
        domain: email.split("@")[1] ?? "",
        isInternal: email.endsWith("@home.example"),
        stats,
        inferredLevel: level,
        health,
        overrides: n < 3 ? { key: true } : n < 5 ? { level: "target" } : {},
        updatedAt: NOW,
      };
    });
    const drafts = analyze({
      user: mailbox.user,
      now: NOW,
      meetings: mailbox.meetings,
      contacts,
      mail: interactions.filter((i) => i.kind === "mail"),
    });
    expect(contacts.some((c) => c.inferredLevel === "transactional")).toBe(true);
    expect(new Set(drafts.map((d) => d.kind)).size).toBeGreaterThanOrEqual(3);
    expect(drafts.every((d) => d.title.length > 0 && d.dedupeKey.length > 0)).toBe(true);
  });
});
