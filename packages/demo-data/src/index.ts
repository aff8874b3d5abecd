export type * from "./types.ts";
export { buildDemoOrganization, demoShowcase } from "./organization.ts";
export { demoContactSettings } from "./contact-settings.ts";
export { demoPeople, findDemoPerson, DEMO_TIME_ZONE, MORGAN, JORDAN } from "./people.ts";
export { eventStates, currentEventState, type DemoEventState } from "./versions.ts";
export { seriesOccurrenceStarts, occurrenceStart, eventDurationMs } from "./recurrence.ts";
