import type { DemoEvent } from "./types.ts";

/** One complete state of an event, as the provider would return it after an edit. */
export type DemoEventState = Omit<DemoEvent, "versions"> & { modifiedAt: string };

/** Every state of the event in time order: the first at `createdAt`, then one per version. */
export function eventStates(event: DemoEvent): DemoEventState[] {
  const { versions = [], ...first } = event;
  const states: DemoEventState[] = [{ ...first, modifiedAt: event.createdAt }];
  for (const version of versions) {
    const previous = states[states.length - 1] as DemoEventState;
    const { at, ...changes } = version;
    states.push({ ...previous, ...changes, modifiedAt: at });
  }
  return states;
}

/** The event as it stands after its last edit. */
export function currentEventState(event: DemoEvent): DemoEventState {
  const states = eventStates(event);
  return states[states.length - 1] as DemoEventState;
}
