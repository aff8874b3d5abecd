import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { RelationshipLevel, SuggestionKind } from "@rapport/core";
import { z } from "zod";
import { eventShapes, messageShapes } from "./provider-shapes.ts";

/** The scenario file format of shared/scenario-format.md, checked field by field. */

const Instant = z.iso.datetime({ offset: true });
const ProviderObject = z.looseObject({ id: z.string().min(1) });

const validTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const TimelineEntry = z.discriminatedUnion("op", [
  z.object({ at: Instant, op: z.literal("event.upsert"), event: ProviderObject }),
  z.object({ at: Instant, op: z.literal("event.delete"), eventId: z.string().min(1) }),
  z.object({ at: Instant, op: z.literal("message"), message: ProviderObject }),
  z.object({
    at: Instant,
    op: z.literal("contact.set"),
    email: z.email(),
    level: RelationshipLevel.optional(),
    key: z.boolean().optional(),
    cadenceDays: z.number().int().min(1).max(366).optional(),
  }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const Expectation = z.strictObject({
  kind: SuggestionKind,
  eventId: z.string().min(1).optional(),
  contact: z.string().min(1).optional(),
});
export type Expectation = z.infer<typeof Expectation>;

export const Scenario = z
  .object({
    name: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kebab-case: lower-case words joined by hyphens"),
    description: z.string().min(1),
    provider: z.enum(["microsoft", "google"]),
    user: z.object({
      email: z.email(),
      name: z.string().optional(),
      timeZone: z.string().refine(validTimeZone, "an IANA time zone such as Europe/Berlin"),
    }),
    timeline: z.array(TimelineEntry),
    now: Instant,
    expect: z.array(Expectation).default([]),
    expectAbsent: z.array(Expectation).default([]),
  })
  .superRefine((scenario, ctx) => {
    checkProviderShapes(scenario, ctx);
    checkChronology(scenario, ctx);
    if (scenario.expect.length === 0 && scenario.expectAbsent.length === 0) {
      ctx.addIssue({ code: "custom", path: ["expect"], message: "expect and expectAbsent are both empty" });
    }
  });
export type Scenario = z.infer<typeof Scenario>;

function checkProviderShapes(scenario: z.infer<typeof Scenario>, ctx: z.RefinementCtx): void {
  scenario.timeline.forEach((entry, index) => {
    const checked =
      entry.op === "event.upsert"
        ? { field: "event", result: eventShapes[scenario.provider].safeParse(entry.event) }
        : entry.op === "message"
          ? { field: "message", result: messageShapes[scenario.provider].safeParse(entry.message) }
          : undefined;
    for (const issue of checked?.result.error?.issues ?? []) {
      const path = ["timeline", index, checked?.field ?? "", ...issue.path] as PropertyKey[];
      ctx.addIssue({ code: "custom", path, message: `${issue.message} (${scenario.provider} shape)` });
    }
  });
}

function checkChronology(scenario: z.infer<typeof Scenario>, ctx: z.RefinementCtx): void {
  let previous = Number.NEGATIVE_INFINITY;
  scenario.timeline.forEach((entry, index) => {
    const at = Date.parse(entry.at);
    if (at < previous) {
      ctx.addIssue({
        code: "custom",
        path: ["timeline", index, "at"],
        message: "earlier than the entry before it",
      });
    }
    previous = Math.max(previous, at);
  });
  if (Date.parse(scenario.now) < previous) {
    ctx.addIssue({ code: "custom", path: ["now"], message: "earlier than the last timeline entry" });
  }
}

/** Every problem found in a set of scenario files, each naming the file and the field. */
export class ScenarioLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid scenarios:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    this.name = "ScenarioLoadError";
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === "number") return `${text}[${part}]`;
    return text === "" ? String(part) : `${text}.${String(part)}`;
  }, "");
}

/** Parses one file's text; problems are returned, never thrown. */
export function parseScenario(file: string, text: string): { scenario?: Scenario; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problems: [`${file}: not valid JSON (${(error as Error).message})`] };
  }
  const result = Scenario.safeParse(json);
  if (result.success) return { scenario: result.data, problems: [] };
  return {
    problems: result.error.issues.map(
      (issue) => `${file}: ${formatPath(issue.path) || "(root)"}: ${issue.message}`,
    ),
  };
}

/** Loads every `*.json` in `dir` (not recursive), sorted by file name; throws ScenarioLoadError. */
export async function loadScenarios(dir: string): Promise<Scenario[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  } catch (error) {
    throw new ScenarioLoadError([`${dir}: cannot read directory (${(error as NodeJS.ErrnoException).code})`]);
  }
  if (names.length === 0) throw new ScenarioLoadError([`${dir}: no *.json scenario files`]);
  const scenarios: Scenario[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const parsed = parseScenario(name, await readFile(join(dir, name), "utf8"));
    problems.push(...parsed.problems);
    if (!parsed.scenario) continue;
    const earlier = seen.get(parsed.scenario.name);
    if (earlier)
      problems.push(`${name}: name: "${parsed.scenario.name}" is already used by ${basename(earlier)}`);
    seen.set(parsed.scenario.name, name);
    scenarios.push(parsed.scenario);
  }
  if (problems.length > 0) throw new ScenarioLoadError(problems);
  return scenarios;
}
