import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIOS_DIR, parseArgs, UsageError } from "../src/args.ts";
import { formatJson, formatTable } from "../src/format.ts";
import { scoreScenario, summarize } from "../src/score.ts";

describe("command-line arguments", () => {
  it("defaults to the project's corpus and the table", () => {
    expect(parseArgs([])).toEqual({ scenariosDir: DEFAULT_SCENARIOS_DIR, json: false });
    expect(DEFAULT_SCENARIOS_DIR).toMatch(/test[\\/]scenarios$/);
  });

  it("takes --scenarios DIR, --scenarios=DIR and --json in any order", () => {
    expect(parseArgs(["--json", "--scenarios", "x/y"])).toEqual({ scenariosDir: "x/y", json: true });
    expect(parseArgs(["--scenarios=z", "--"])).toEqual({ scenariosDir: "z", json: false });
  });

  it("refuses unknown arguments and a missing directory with the usage line", () => {
    expect(() => parseArgs(["--verbose"])).toThrow(UsageError);
    expect(() => parseArgs(["--scenarios"])).toThrow(/--scenarios needs a directory\nusage: pnpm eval/);
    expect(() => parseArgs(["--scenarios", "--json"])).toThrow(UsageError);
  });
});

describe("printing the result", () => {
  const scores = [
    scoreScenario({
      name: "clean",
      expect: [{ kind: "reconnect", contact: "a@x.example" }],
      expectAbsent: [],
      observed: [{ kind: "reconnect", contactEmail: "a@x.example" }],
    }),
    scoreScenario({
      name: "noisy",
      expect: [{ kind: "first_meeting", eventId: "E1", contact: "b@x.example" }],
      expectAbsent: [{ kind: "reconnect" }],
      observed: [{ kind: "reconnect", contactEmail: "c@x.example" }],
    }),
  ];
  const report = summarize(scores);

  it("prints exactly one line of JSON in the fixed shape", () => {
    const text = formatJson(report);
    expect(text).not.toContain("\n");
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(["scenarios", "failed", "byKind", "overall"]);
    expect(parsed.byKind.reconnect).toEqual({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
  });

  it("prints a table per kind and what each failed scenario missed or added", () => {
    const lines = formatTable(report, scores).split("\n");
    expect(lines[0]).toMatch(/^kind\s+tp\s+fp\s+fn\s+precision\s+recall$/);
    expect(lines.find((line) => line.startsWith("first_meeting"))).toMatch(/0\s+0\s+1\s+1\.00\s+0\.00$/);
    expect(lines.find((line) => line.startsWith("overall"))).toMatch(/1\s+1\s+1\s+0\.50\s+0\.50$/);
    expect(lines).toContain("2 scenarios, 1 failed");
    expect(lines).toContain("    missing: first_meeting b@x.example event E1");
    expect(lines).toContain("    extra:   reconnect c@x.example");
    expect(lines.some((line) => line.includes("clean"))).toBe(false);
  });
});
