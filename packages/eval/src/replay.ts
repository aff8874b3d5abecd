import { EmulatorAdmin } from "./emulator-admin.ts";
import { connectMailbox } from "./oauth-connect.ts";
import { devToken, openSuggestions, setContact } from "./rapport-api.ts";
import type { ReplayTarget } from "./replay-target.ts";
import type { Scenario, TimelineEntry } from "./scenario.ts";
import type { ObservedSuggestion } from "./score.ts";

/**
 * Replays one scenario against a running system the way production sees the world: the
 * provider emulator changes, sends its webhooks, sync pulls the change, analysis runs. The
 * replay never calls analysis itself; it only reads the open suggestions at the end.
 */

export type ReplayLog = (line: string) => void;

export async function replayScenario(
  target: ReplayTarget,
  scenario: Scenario,
  log: ReplayLog = () => {},
): Promise<ObservedSuggestion[]> {
  const { user, provider } = scenario;
  const emulator = new EmulatorAdmin(target.emulatorUrl(provider));

  await target.setNow(scenario.timeline[0]?.at ?? scenario.now);
  await emulator.createMailbox(user);
  await connectMailbox(target.apiUrl, provider, user.email);
  await target.drain();
  log(`${scenario.name}: connected ${user.email} (${provider})`);

  let token: string | undefined;
  const userToken = async () => (token ??= await devToken(target.apiUrl, user.email));

  for (const [index, entry] of scenario.timeline.entries()) {
    await target.setNow(entry.at);
    try {
      await applyEntry(entry, user.email, emulator, target.apiUrl, userToken);
    } catch (error) {
      throw new Error(
        `${scenario.name}: timeline[${index}] (${entry.op} at ${entry.at}): ${(error as Error).message}`,
      );
    }
    await target.drain();
  }

  await target.setNow(scenario.now);
  await target.runJob("reanalyze");
  await target.drain();
  const observed = await openSuggestions(target.apiUrl, await userToken());
  log(`${scenario.name}: ${observed.length} open suggestion(s) at ${scenario.now}`);
  return observed;
}

async function applyEntry(
  entry: TimelineEntry,
  email: string,
  emulator: EmulatorAdmin,
  apiUrl: string,
  userToken: () => Promise<string>,
): Promise<void> {
  switch (entry.op) {
    case "event.upsert":
      return emulator.putEvent(email, entry.event);
    case "event.delete":
      return emulator.deleteEvent(email, entry.eventId);
    case "message":
      return emulator.addMessage(email, entry.message);
    case "contact.set": {
      const { level, key, cadenceDays } = entry;
      return setContact(apiUrl, await userToken(), entry.email, { level, key, cadenceDays });
    }
  }
}
