import type { Suggestion, SuggestionDraft } from "@rapport/core";
import { evidenceHash, suggestionId } from "@rapport/core";
import { describe, expect, it } from "vitest";
import { rankSuggestions } from "../src/rank.ts";
import { reconcileSuggestions } from "../src/reconcile.ts";
import { plus, World } from "./builders.ts";

const USER = "usr_test";
const NOW = "2026-02-09T14:00:00Z";
const ANA = "ana@client.example";

/** A small in-memory table standing in for the store: applies what reconcile returns. */
class Table {
  rows = new Map<string, Suggestion>();
  run(drafts: SuggestionDraft[], now: string): Suggestion[] {
    const writes = reconcileSuggestions({ userId: USER, now, existing: [...this.rows.values()], drafts });
    for (const w of writes) this.rows.set(w.id, w);
    return writes;
  }
  user(id: string, state: Suggestion["state"], now: string, snoozedUntil?: string) {
    const row = this.rows.get(id);
    if (!row) throw new Error("no row");
    const next: Suggestion = { ...row, state, updatedAt: now };
    if (state === "dismissed") next.dismissedEvidence = evidenceHash(row.materialEvidence);
    if (snoozedUntil) next.snoozedUntil = snoozedUntil;
    this.rows.set(id, next);
  }
  only(): Suggestion {
    const [row] = [...this.rows.values()];
    if (!row) throw new Error("empty");
    return row;
  }
}

function unanswered(messages: number, now = NOW) {
  const world = new World(now).set(ANA, { key: true });
  for (let i = 0; i < messages; i++) world.mailIn(ANA, plus(NOW, { days: -10 + i }), { thread: `t${i}` });
  return world.suggestions("unanswered_mail");
}

describe("reconcileSuggestions", () => {
  it("opens new suggestions with deterministic ids and writes nothing when re-run unchanged", () => {
    const table = new Table();
    const first = table.run(unanswered(2), NOW);
    expect(first).toHaveLength(1);
    expect(first[0]?.state).toBe("open");
    expect(first[0]?.id).toBe(suggestionId(USER, { kind: "unanswered_mail", dedupeKey: ANA }));
    expect(table.run(unanswered(2), plus(NOW, { minutes: 5 }))).toEqual([]);
  });

  it("keeps a dismissed suggestion dismissed while the evidence is the same", () => {
    const table = new Table();
    table.run(unanswered(2), NOW);
    table.user(table.only().id, "dismissed", NOW);
    const writes = table.run(unanswered(2), plus(NOW, { minutes: 5 }));
    expect(writes).toEqual([]);
    expect(table.only().state).toBe("dismissed");
  });

  it("reopens a dismissed suggestion when the evidence changes materially", () => {
    const table = new Table();
    table.run(unanswered(2), NOW);
    table.user(table.only().id, "dismissed", NOW);
    table.run(unanswered(3), plus(NOW, { hours: 1 }));
    expect(table.only().state).toBe("open");
    expect(table.only().evidence.count).toBe(3);
  });

  it("closes a suggestion whose cause is gone, and reopens it when the cause returns", () => {
    const table = new Table();
    table.run(unanswered(1), NOW);
    const closed = table.run([], plus(NOW, { hours: 1 }));
    expect(closed.map((s) => s.state)).toEqual(["closed"]);
    expect(table.run([], plus(NOW, { hours: 2 }))).toEqual([]);
    table.run(unanswered(2), plus(NOW, { hours: 3 }));
    expect(table.only().state).toBe("open");
  });

  it("a closed dismissal coming back with the same evidence stays dismissed", () => {
    const table = new Table();
    table.run(unanswered(1), NOW);
    table.user(table.only().id, "dismissed", NOW);
    table.run([], plus(NOW, { hours: 1 }));
    table.run(unanswered(1), plus(NOW, { hours: 2 }));
    expect(table.only().state).toBe("dismissed");
  });

  it("keeps a snoozed suggestion snoozed until its time, then opens it", () => {
    const table = new Table();
    table.run(unanswered(1), NOW);
    table.user(table.only().id, "snoozed", NOW, plus(NOW, { days: 1 }));
    expect(table.run(unanswered(1), plus(NOW, { hours: 2 }))).toEqual([]);
    table.run(unanswered(1), plus(NOW, { days: 1, hours: 1 }));
    expect(table.only().state).toBe("open");
    expect(table.only().snoozedUntil).toBeUndefined();
  });

  it("keeps done suggestions done unless the material evidence changes", () => {
    const table = new Table();
    table.run(unanswered(1), NOW);
    table.user(table.only().id, "done", NOW);
    expect(table.run(unanswered(1), plus(NOW, { hours: 1 }))).toEqual([]);
    expect(table.run([], plus(NOW, { hours: 2 }))).toEqual([]);
    table.run(unanswered(2), plus(NOW, { hours: 3 }));
    expect(table.only().state).toBe("open");
  });

  it("leaves stored suggestions outside the scope alone", () => {
    const table = new Table();
    table.run(unanswered(1), NOW);
    const writes = reconcileSuggestions({
      userId: USER,
      now: NOW,
      existing: [...table.rows.values()],
      drafts: [],
      scope: { contacts: ["someone@else.example"] },
    });
    expect(writes).toEqual([]);
  });
});

describe("rankSuggestions", () => {
  it("orders open suggestions by severity then score and caps the top", () => {
    const make = (
      id: string,
      severity: Suggestion["severity"],
      score: number,
      state: Suggestion["state"] = "open",
    ) => ({ id, severity, score, state, updatedAt: NOW }) as Suggestion;
    const { top, more } = rankSuggestions([
      make("a", "low", 1999),
      make("b", "high", 3000),
      make("c", "medium", 2500),
      make("d", "high", 3500),
      make("e", "high", 3900, "dismissed"),
    ]);
    expect(top.map((s) => s.id)).toEqual(["d", "b", "c"]);
    expect(more.map((s) => s.id)).toEqual(["a"]);
  });
});
