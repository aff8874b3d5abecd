import { type ReplayLog, replayScenario } from "./replay.ts";
import type { ReplayTarget } from "./replay-target.ts";
import type { Scenario } from "./scenario.ts";
import {
  type EvalReport,
  type ObservedSuggestion,
  type ScenarioScore,
  scoreScenario,
  summarize,
} from "./score.ts";

export interface Evaluation {
  report: EvalReport;
  scores: ScenarioScore[];
}

/**
 * Replays every scenario on a clean system (reset between scenarios) and scores it. A scenario whose replay breaks is
 * logged and scored as if nothing was suggested, so one broken story never hides the rest.
 */
export async function evaluate(
  target: ReplayTarget,
  scenarios: Scenario[],
  log: ReplayLog,
): Promise<Evaluation> {
  const scores: ScenarioScore[] = [];
  for (const [index, scenario] of scenarios.entries()) {
    if (index > 0) await target.reset();
    let observed: ObservedSuggestion[] = [];
    try {
      observed = await replayScenario(target, scenario, log);
    } catch (error) {
      log(`${scenario.name}: replay failed: ${(error as Error).message}`);
    }
    scores.push(
      scoreScenario({
        name: scenario.name,
        expect: scenario.expect,
        expectAbsent: scenario.expectAbsent,
        observed,
      }),
    );
  }
  return { report: summarize(scores), scores };
}
