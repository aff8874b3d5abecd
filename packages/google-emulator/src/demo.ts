import { buildDemoOrganization } from "@rapport/demo-data";
import type { GoogleEmulatorAdmin } from "./admin.ts";
import { googleDemoTimeline } from "./demo-mapper.ts";

/**
 * Seeds the Google demo user's mailbox from the provider-neutral demo organization. Each event
 * version and message is applied at its own time (the clock is set to it), so `created`,
 * `updated`, etags and history ids read as they would have; the clock is released afterwards.
 */
export function seedGoogleDemo(admin: GoogleEmulatorAdmin, now: Date): void {
  const { user, timeZone, ops } = googleDemoTimeline(buildDemoOrganization({ now }));
  admin.addMailbox({ email: user.email, name: user.name, timeZone });
  for (const op of ops) {
    admin.setClock(op.at);
    if (op.op === "event.upsert") admin.upsertEvent(user.email, op.event);
    else admin.addMessage(user.email, op.message);
  }
  admin.setClock(null);
}
