import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SuggestionKind } from "@rapport/core";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIOS_DIR } from "../src/args.ts";
import { loadScenarios, parseScenario, ScenarioLoadError } from "../src/scenario.ts";

const minimal = {
  name: "tiny",
  description: "A scenario with one message.",
  provider: "microsoft",
  user: { email: "chet@coach.example", name: "Chet", timeZone: "America/Chicago" },
  timeline: [
    {
      at: "2026-02-02T15:00:00Z",
      op: "message",
      message: { id: "m1", from: { emailAddress: { address: "ana@client.example" } } },
    },
  ],
  now: "2026-02-09T14:00:00Z",
  expect: [{ kind: "unanswered_mail", contact: "ana@client.example" }],
};

const problemsOf = (value: unknown) => parseScenario("bad.json", JSON.stringify(value)).problems;

describe("reading a scenario file", () => {
  it("accepts a well-formed scenario and defaults expectAbsent to empty", () => {
    const parsed = parseScenario("tiny.json", JSON.stringify(minimal));
    expect(parsed.problems).toEqual([]);
    expect(parsed.scenario?.expectAbsent).toEqual([]);
  });

  it("names the file and the path of a bad provider field", () => {
    const bad = structuredClone(minimal);
    (bad.timeline[0] as { message: unknown }).message = { id: "m1", from: { emailAddress: {} } };
    expect(problemsOf(bad)).toEqual([
      expect.stringMatching(/^bad\.json: timeline\[0\]\.message\.from\.emailAddress\.address: /),
    ]);
  });

  it("rejects an unknown suggestion kind, a bad op and an unknown time zone", () => {
    const bad = {
      ...minimal,
      user: { ...minimal.user, timeZone: "Mars/Olympus" },
      timeline: [{ at: "2026-02-02T15:00:00Z", op: "event.move" }],
      expect: [{ kind: "gossip" }],
    };
    const problems = problemsOf(bad).join("\n");
    expect(problems).toMatch(/user\.timeZone/);
    expect(problems).toMatch(/timeline\[0\]\.op/);
    expect(problems).toMatch(/expect\[0\]\.kind/);
  });

  it("rejects a timeline out of order and a now before the last entry", () => {
    const entry = minimal.timeline[0];
    const bad = {
      ...minimal,
      timeline: [entry, { ...entry, at: "2026-02-01T00:00:00Z" }],
      now: "2026-01-01T00:00:00Z",
    };
    const problems = problemsOf(bad).join("\n");
    expect(problems).toMatch(/timeline\[1\]\.at: earlier than the entry before it/);
    expect(problems).toMatch(/now: earlier than the last timeline entry/);
  });

  it("reports invalid JSON with the file name", () => {
    expect(parseScenario("broken.json", "{ nope").problems[0]).toMatch(/^broken\.json: not valid JSON/);
  });

  it("collects the problems of every file and refuses duplicate names", async () => {
    const dir = await mkdtemp(join(tmpdir(), "scenarios-"));
    await writeFile(join(dir, "a.json"), JSON.stringify(minimal));
    await writeFile(join(dir, "b.json"), JSON.stringify(minimal));
    await writeFile(join(dir, "c.json"), JSON.stringify({ ...minimal, name: "Not Kebab" }));
    const error = await loadScenarios(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScenarioLoadError);
    const problems = (error as ScenarioLoadError).problems.join("\n");
    expect(problems).toMatch(/b\.json: name: "tiny" is already used by a\.json/);
    expect(problems).toMatch(/c\.json: name: kebab-case/);
  });
});

describe("the project's scenario corpus", () => {
  it("loads, and covers every kind with expected and absent suggestions in both providers", async () => {
    const scenarios = await loadScenarios(DEFAULT_SCENARIOS_DIR);
    expect(scenarios.length).toBeGreaterThanOrEqual(44);
    expect(scenarios.filter((scenario) => scenario.provider === "google").length).toBeGreaterThanOrEqual(14);
    for (const kind of SuggestionKind.options) {
      expect(
        scenarios.some((scenario) => scenario.expect.some((entry) => entry.kind === kind)),
        kind,
      ).toBe(true);
      expect(
        scenarios.some((scenario) => scenario.expectAbsent.some((entry) => entry.kind === kind)),
        kind,
      ).toBe(true);
    }
  });

  it("names only events its own timeline created", async () => {
    for (const scenario of await loadScenarios(DEFAULT_SCENARIOS_DIR)) {
      const ids = new Set(
        scenario.timeline.flatMap((entry) => (entry.op === "event.upsert" ? [entry.event.id] : [])),
      );
      for (const entry of [...scenario.expect, ...scenario.expectAbsent]) {
        if (entry.eventId) expect(ids.has(entry.eventId), `${scenario.name}: ${entry.eventId}`).toBe(true);
      }
    }
  });
});
