export type { GraphEmulatorAdmin } from "./admin.ts";
export {
  demoMailboxes,
  demoMailboxTimeline,
  type GraphSeedOp,
  graphEventFromDemo,
  graphMessageFromDemo,
} from "./demo-mapper.ts";
export { occurrenceId } from "./event-view.ts";
export { FaultInput } from "./faults.ts";
export type { LifecycleEvent } from "./notifications.ts";
export { type GraphEmulator, type GraphEmulatorOptions, startGraphEmulator } from "./server.ts";
export type { RecordedRequest, SentMail } from "./state.ts";
export { GRAPH_AUDIENCE } from "./tokens.ts";
