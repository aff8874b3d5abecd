export { analyze } from "./analyze.ts";
export { generateMailbox, type Mailbox, type MailboxSpec } from "./bench/generate-mailbox.ts";
export {
  type ContactAccumulator,
  createContactAccumulator,
  summarizeContact,
} from "./contact-accumulator.ts";
export {
  isInternal,
  isLargeMeeting,
  isListAddress,
  isOwnAddress,
  isPerson,
  isPublicMailDomain,
  meetingHeadcount,
  ownAddresses,
  publicMailDomains,
  type UserContext,
} from "./identity.ts";
export { type AnalysisInput, type AnalysisScope, FULL_SCOPE, inScope } from "./input.ts";
export {
  interactionsFromMeeting,
  interactionsFromMessage,
  isGroupMail,
  isLargeMeetingInteraction,
  PERSONAL_MAIL_MAX_RECIPIENTS,
} from "./interactions.ts";
export { type InferredLevel, inferLevel, type LevelInference, lastContactAt } from "./levels.ts";
export { rankSuggestions } from "./rank.ts";
export { type ReconcileInput, reconcileSuggestions } from "./reconcile.ts";
export { daysBetween, isoWeek } from "./time.ts";
