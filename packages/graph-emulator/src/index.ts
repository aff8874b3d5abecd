export { startGraphEmulator, type GraphEmulator, type GraphEmulatorOptions } from "./server.ts";
export type { GraphEmulatorAdmin } from "./admin.ts";
export { FaultInput } from "./faults.ts";
export type { RecordedRequest, SentMail } from "./state.ts";
export type { LifecycleEvent } from "./subscriptions.ts";
export { GRAPH_AUDIENCE } from "./tokens.ts";
export { demoMailboxes, demoMailboxTimeline, graphEventFromDemo, graphMessageFromDemo, type GraphSeedOp } from "./demo-mapper.ts";
export { occurrenceId } from "./event-view.ts";
