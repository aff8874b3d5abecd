export { demoContactSettings } from "./contact-settings.ts";
export { buildDemoOrganization, demoShowcase } from "./organization.ts";
export { DEMO_TIME_ZONE, demoPeople, findDemoPerson, JORDAN, MORGAN } from "./people.ts";
export { eventDurationMs, occurrenceStart, seriesOccurrenceStarts } from "./recurrence.ts";
export type * from "./types.ts";
export { currentEventState, type DemoEventState, eventStates } from "./versions.ts";
