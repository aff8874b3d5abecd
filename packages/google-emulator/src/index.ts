export { AdminError, type GoogleEmulatorAdmin, type MailboxInfo } from "./admin.ts";
export { seedGoogleDemo } from "./demo.ts";
export {
  demoMailboxes,
  GOOGLE_DEMO_USER,
  type GoogleDemoOp,
  googleDemoTimeline,
  googleEventId,
  googleInstanceId,
} from "./demo-mapper.ts";
export {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  type GoogleEmulator,
  type GoogleEmulatorOptions,
  startGoogleEmulator,
} from "./emulator.ts";
export type { PushRecord } from "./push.ts";
export type { Faults, Json, SentMail } from "./state.ts";
