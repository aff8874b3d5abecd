import type { User } from "@rapport/core";
import type { EmailLinks } from "@rapport/email";
import type { Store } from "@rapport/store";

export type MailKind = "briefing" | "digest" | "weekly_report";

/** Sends one email to the user. The lead wires provider sendMail, SES and the local outbox here. */
export interface MailSender {
  send(input: {
    userId: string;
    to: string;
    subject: string;
    html: string;
    text: string;
    kind: MailKind;
    /** For a List-Unsubscribe header, where the transport supports headers. */
    unsubscribeUrl?: string;
  }): Promise<void>;
}

/** Absolute links for one user's emails (sidebar, settings, unsubscribe with their token). */
export type LinksFor = (user: Pick<User, "userId" | "unsubscribeToken">) => EmailLinks;

export interface JobInput {
  store: Store;
  sender: MailSender;
  now: Date;
  links: LinksFor;
}

/** What one run did; the caller logs it (no personal data inside, user ids only). */
export interface JobSummary {
  sent: number;
  /** Already delivered by an earlier or concurrent run. */
  alreadySent: number;
  failed: Array<{ userId: string; reason: string }>;
}

export function emptySummary(): JobSummary {
  return { sent: 0, alreadySent: 0, failed: [] };
}
