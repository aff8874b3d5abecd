import { buildDemoOrganization } from "@rapport/demo-data";
import { demoMailboxTimeline, type GraphEmulator } from "@rapport/graph-emulator";
import { GOOGLE_DEMO_USER, type GoogleEmulator, googleDemoTimeline } from "@rapport/google-emulator";

/** One step of a demo mailbox's history, applied to its emulator at its own time. */
export interface DemoStep {
  provider: "microsoft" | "google";
  email: string;
  at: string;
  apply(): void;
  /** True for the first version of an event and for messages: there before the user connects. */
  initial: boolean;
}

/**
 * The demo organization as steps for the running emulators. Events' first versions and the mail
 * exist before the demo users connect; later versions (a colleague added after the client
 * accepted, a moved occurrence) happen after, through notifications and delta rounds, so the
 * system records the attendee history as it would for a real mailbox.
 */
export function demoSteps(input: { now: Date; graph?: GraphEmulator; google?: GoogleEmulator }): {
  mailboxes: Array<{ provider: "microsoft" | "google"; email: string; name: string; timeZone: string }>;
  steps: DemoStep[];
  contactSettings: Array<{ user: string; email: string; level?: string; key?: boolean; cadenceDays?: number }>;
} {
  const org = buildDemoOrganization({ now: input.now });
  const mailboxes: ReturnType<typeof demoSteps>["mailboxes"] = [];
  const steps: DemoStep[] = [];
  const contactSettings = [...org.contactSettings];
  const { graph, google } = input;
  if (graph) {
    for (const mailbox of org.mailboxes) {
      const email = mailbox.owner.email;
      mailboxes.push({ provider: "microsoft", email, name: mailbox.owner.name, timeZone: mailbox.timeZone });
      const seen = new Set<string>();
      for (const op of demoMailboxTimeline(mailbox, org)) {
        const id = op.op === "event.upsert" ? String(op.event.id) : op.op === "event.delete" ? op.eventId : "";
        const initial = op.op === "message" || (op.op === "event.upsert" && !seen.has(id));
        if (id) seen.add(id);
        steps.push({
          provider: "microsoft",
          email,
          at: op.at,
          initial,
          apply: () => {
            graph.admin.setClock(new Date(op.at));
            if (op.op === "event.upsert") graph.admin.upsertEvent(email, id, op.event);
            else if (op.op === "event.delete") graph.admin.deleteEvent(email, op.eventId);
            else graph.admin.addMessage(email, op.message);
            graph.admin.setClock(undefined);
          },
        });
      }
    }
  }
  if (google) {
    const { user, timeZone, ops } = googleDemoTimeline(org);
    mailboxes.push({ provider: "google", email: user.email, name: user.name, timeZone });
    const seen = new Set<string>();
    for (const op of ops) {
      const id = op.op === "event.upsert" ? String(op.event.id) : "";
      const initial = op.op === "message" || !seen.has(id);
      if (id) seen.add(id);
      steps.push({
        provider: "google",
        email: user.email,
        at: op.at,
        initial,
        apply: () => {
          google.admin.setClock(op.at);
          if (op.op === "event.upsert") google.admin.upsertEvent(user.email, op.event);
          else google.admin.addMessage(user.email, op.message);
          google.admin.setClock(null);
        },
      });
    }
    // The Google demo user is Morgan's mailbox re-homed: they make Morgan's choices too.
    for (const s of org.contactSettings) {
      if (s.user === GOOGLE_DEMO_USER.rehomedFrom) contactSettings.push({ ...s, user: user.email });
    }
  }
  steps.sort((a, b) => a.at.localeCompare(b.at));
  return { mailboxes, steps, contactSettings };
}
