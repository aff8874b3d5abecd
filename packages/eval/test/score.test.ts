import { describe, expect, it } from "vitest";
import { matches, meetsBar, scoreScenario, summarize, withRates } from "../src/score.ts";

const outcome = (parts: Partial<Parameters<typeof scoreScenario>[0]>) =>
  scoreScenario({ name: "s", expect: [], expectAbsent: [], observed: [], ...parts });

describe("matching an expectation", () => {
  it("compares the contact case-insensitively and trims it", () => {
    expect(
      matches(
        { kind: "reconnect", contact: "Ana@Client.Example" },
        { kind: "reconnect", contactEmail: " ana@client.example" },
      ),
    ).toBe(true);
  });

  it("ignores the meeting when the expectation names none", () => {
    expect(
      matches(
        { kind: "reconnect", contact: "a@x.example" },
        { kind: "reconnect", eventId: "E1", contactEmail: "a@x.example" },
      ),
    ).toBe(true);
  });

  it("requires the named meeting when the expectation gives one", () => {
    const expectation = { kind: "first_meeting" as const, eventId: "E1", contact: "a@x.example" };
    expect(matches(expectation, { kind: "first_meeting", eventId: "E2", contactEmail: "a@x.example" })).toBe(
      false,
    );
    expect(matches(expectation, { kind: "first_meeting", contactEmail: "a@x.example" })).toBe(false);
  });

  it("requires a contact on the suggestion when the expectation names one", () => {
    expect(matches({ kind: "target_outreach", contact: "t@x.example" }, { kind: "target_outreach" })).toBe(
      false,
    );
    expect(
      matches({ kind: "target_outreach" }, { kind: "target_outreach", contactEmail: "t@x.example" }),
    ).toBe(true);
  });

  it("never matches another kind", () => {
    expect(matches({ kind: "reconnect" }, { kind: "reciprocity", contactEmail: "a@x.example" })).toBe(false);
  });
});

describe("scoring one scenario", () => {
  it("counts matched expectations as true positives and unmatched ones as false negatives", () => {
    const score = outcome({
      expect: [
        { kind: "reconnect", contact: "a@x.example" },
        { kind: "reconnect", contact: "b@x.example" },
      ],
      observed: [{ kind: "reconnect", contactEmail: "A@X.example" }],
    });
    expect(score.byKind.reconnect).toEqual({ tp: 1, fp: 0, fn: 1 });
    expect(score.missing).toEqual([{ kind: "reconnect", contact: "b@x.example" }]);
  });

  it("counts a suggestion of a listed kind that matches no expectation as a false positive", () => {
    const score = outcome({
      expect: [{ kind: "unanswered_mail", contact: "a@x.example" }],
      observed: [
        { kind: "unanswered_mail", contactEmail: "a@x.example" },
        { kind: "unanswered_mail", contactEmail: "c@x.example" },
      ],
    });
    expect(score.byKind.unanswered_mail).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(score.extra).toEqual([{ kind: "unanswered_mail", contactEmail: "c@x.example" }]);
  });

  it("counts a suggestion matching an expectAbsent entry as a false positive, once", () => {
    const score = outcome({
      expectAbsent: [{ kind: "reconnect", contact: "a@x.example" }, { kind: "reconnect" }],
      observed: [{ kind: "reconnect", contactEmail: "a@x.example" }],
    });
    expect(score.byKind.reconnect).toEqual({ tp: 0, fp: 1, fn: 0 });
  });

  it("counts a suggestion both expected and forbidden as a true positive and a false positive", () => {
    const score = outcome({
      expect: [{ kind: "reconnect", contact: "a@x.example" }],
      expectAbsent: [{ kind: "reconnect", eventId: "E1" }],
      observed: [{ kind: "reconnect", eventId: "E1", contactEmail: "a@x.example" }],
    });
    expect(score.byKind.reconnect).toEqual({ tp: 1, fp: 1, fn: 0 });
  });

  it("does not score kinds the scenario does not list", () => {
    const score = outcome({
      expect: [{ kind: "first_meeting", contact: "a@x.example" }],
      observed: [
        { kind: "first_meeting", contactEmail: "a@x.example" },
        { kind: "reconnect", contactEmail: "z@x.example" },
      ],
    });
    expect(Object.keys(score.byKind)).toEqual(["first_meeting"]);
    expect(score.extra).toEqual([]);
  });

  it("scores a kind listed only in expectAbsent with zero true positives", () => {
    const score = outcome({ expectAbsent: [{ kind: "second_hand", contact: "n@x.example" }] });
    expect(score.byKind.second_hand).toEqual({ tp: 0, fp: 0, fn: 0 });
  });
});

describe("summarizing the corpus", () => {
  it("gives precision and recall 1.0 when their denominators are 0", () => {
    expect(withRates({ tp: 0, fp: 0, fn: 0 })).toMatchObject({ precision: 1, recall: 1 });
    expect(withRates({ tp: 0, fp: 2, fn: 0 })).toMatchObject({ precision: 0, recall: 1 });
    expect(withRates({ tp: 3, fp: 1, fn: 2 })).toMatchObject({ precision: 0.75, recall: 0.6 });
  });

  it("sums per kind and overall and names the scenarios with any miss or extra", () => {
    const clean = scoreScenario({
      name: "clean",
      expect: [{ kind: "reconnect", contact: "a@x.example" }],
      expectAbsent: [],
      observed: [{ kind: "reconnect", contactEmail: "a@x.example" }],
    });
    const noisy = scoreScenario({
      name: "noisy",
      expect: [{ kind: "first_meeting", contact: "b@x.example" }],
      expectAbsent: [{ kind: "reconnect" }],
      observed: [{ kind: "reconnect", contactEmail: "c@x.example" }],
    });
    const report = summarize([clean, noisy]);
    expect(report.scenarios).toBe(2);
    expect(report.failed).toEqual(["noisy"]);
    expect(report.byKind.reconnect).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    expect(report.byKind.first_meeting).toMatchObject({ tp: 0, fp: 0, fn: 1, precision: 1, recall: 0 });
    expect(report.overall).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
  });

  it("meets the bar only with overall >= 0.95 and every kind >= 0.9", () => {
    const report = (kindPrecision: number, overall: number) => ({
      scenarios: 1,
      failed: [],
      byKind: { reconnect: { tp: 1, fp: 0, fn: 0, precision: kindPrecision, recall: 1 } },
      overall: { tp: 1, fp: 0, fn: 0, precision: overall, recall: overall },
    });
    expect(meetsBar(report(0.9, 0.95))).toBe(true);
    expect(meetsBar(report(0.89, 0.99))).toBe(false);
    expect(meetsBar(report(1, 0.94))).toBe(false);
  });
});
